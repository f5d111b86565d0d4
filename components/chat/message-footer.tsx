'use client';

import { useQuery } from '@tanstack/react-query';
import { cn } from '@/components/ui/cn';
import { Tooltip } from '@/components/ui/tooltip';
import type { ChatMetadata } from '@/lib/chat/types';
import { formatCost, formatSeconds, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { modelsQueryOptions } from '@/lib/query/models';
import { GatewayLabels } from './gateway-labels';

/** Status badge and the answer's numbers: tokens, time to first token, duration, cost and model. */
export function MessageFooter({
  metadata,
  statusOnly = false,
}: {
  metadata: ChatMetadata | undefined;
  /** Only the status badge: a compare pane shows the numbers itself and may hide the model (blind). */
  statusOnly?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const { data: registry } = useQuery(modelsQueryOptions());
  if (!metadata) return null;

  const { usage, timing, cost, status, model } = metadata;
  const modelLabel =
    model && !statusOnly
      ? (registry?.models.find((m) => m.id === model)?.label ??
        registry?.aliases.find((a) => a.id === model)?.label ??
        model)
      : undefined;

  const stats: { label: string; value: string; testId: string }[] = [];
  if (usage && !statusOnly) {
    stats.push({ label: t('usage.prompt'), value: formatTokens(usage.inputTokens, language), testId: 'usage-prompt' });
    stats.push({
      label: t('usage.cacheHit'),
      value: formatTokens(usage.cacheHitTokens, language),
      testId: 'usage-cache-hit',
    });
    stats.push({ label: t('usage.output'), value: formatTokens(usage.outputTokens, language), testId: 'usage-output' });
    if (usage.reasoningTokens > 0) {
      stats.push({
        label: t('usage.reasoning'),
        value: formatTokens(usage.reasoningTokens, language),
        testId: 'usage-reasoning',
      });
    }
  }
  if (timing?.firstTokenMs !== undefined && !statusOnly) {
    stats.push({ label: t('usage.ttft'), value: formatSeconds(timing.firstTokenMs, language), testId: 'usage-ttft' });
  }
  if (timing?.durationMs !== undefined && !statusOnly) {
    stats.push({
      label: t('usage.duration'),
      value: formatSeconds(timing.durationMs, language),
      testId: 'usage-duration',
    });
  }
  if (cost && !statusOnly) {
    stats.push({
      label: t('usage.cost'),
      value: formatCost(cost.amount, cost.currency, language),
      testId: 'usage-cost',
    });
  }

  const badge =
    status === 'interrupted'
      ? metadata.error
        ? { text: t('status.interrupted'), tip: metadata.error.message || t('status.interruptedTip'), tone: 'warning' }
        : { text: t('status.stopped'), tip: t('status.stoppedTip'), tone: 'muted' }
      : status === 'error'
        ? { text: t('status.error'), tip: metadata.error?.message ?? t('errors.default'), tone: 'danger' }
        : undefined;

  if (!badge && stats.length === 0 && !modelLabel && !metadata.cached && !metadata.flagged) return null;

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-faint" data-testid="message-footer">
      {badge && (
        <Tooltip content={badge.tip} side="top" align="start">
          {(describedBy) => (
            <button
              type="button"
              aria-describedby={describedBy}
              data-testid="message-status"
              data-status={status}
              className={cn(
                'inline-flex h-5 cursor-default items-center rounded-full border px-2 text-[11px] font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60',
                badge.tone === 'danger' && 'border-danger/30 bg-danger/10 text-danger',
                badge.tone === 'warning' && 'border-warning/30 bg-warning/10 text-warning',
                badge.tone === 'muted' && 'border-line bg-surface-muted text-ink-muted',
              )}
            >
              {badge.text}
            </button>
          )}
        </Tooltip>
      )}
      <GatewayLabels metadata={metadata} />
      {modelLabel && <span data-testid="usage-model">{modelLabel}</span>}
      {stats.length > 0 && (
        <dl className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label={t('usage.details')}>
          {stats.map((stat) => (
            <div key={stat.testId} className="flex items-baseline gap-1" data-testid={stat.testId}>
              <dt>{stat.label}</dt>
              <dd className="tabular-nums text-ink-muted">{stat.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
