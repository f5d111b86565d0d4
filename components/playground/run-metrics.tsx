'use client';

import { formatCost, formatSeconds, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import type { AssembledRun } from '@/lib/playground/assemble';

/** Time to first token, total time, speed, usage, cost, finish reason and request id of one run. */
export function RunMetrics({ run }: { run: AssembledRun }) {
  const t = useT();
  const language = useLanguage();
  const rows: { label: string; value: string; testId: string }[] = [];
  const add = (label: string, value: string | undefined, testId: string) => {
    if (value !== undefined) rows.push({ label, value, testId });
  };
  add(
    t('playground.metric.ttft'),
    run.firstTokenMs === undefined ? undefined : formatSeconds(run.firstTokenMs, language),
    'metric-ttft',
  );
  add(
    t('playground.metric.total'),
    run.totalMs === undefined ? undefined : formatSeconds(run.totalMs, language),
    'metric-total',
  );
  add(
    t('playground.metric.speed'),
    run.tokensPerSecond === undefined
      ? undefined
      : t('playground.metric.tokensPerSecond', { value: run.tokensPerSecond.toFixed(1) }),
    'metric-speed',
  );
  if (run.usage) {
    add(t('playground.metric.prompt'), formatTokens(run.usage.promptTokens, language), 'metric-prompt');
    add(t('playground.metric.cacheHit'), formatTokens(run.usage.cacheHitTokens, language), 'metric-cache-hit');
    add(t('playground.metric.cacheMiss'), formatTokens(run.usage.cacheMissTokens, language), 'metric-cache-miss');
    add(t('playground.metric.output'), formatTokens(run.usage.outputTokens, language), 'metric-output');
    add(t('playground.metric.reasoning'), formatTokens(run.usage.reasoningTokens, language), 'metric-reasoning');
  }
  add(
    t('playground.metric.cost'),
    run.cost ? formatCost(run.cost.amount, run.cost.currency, language) : undefined,
    'metric-cost',
  );
  add(t('playground.metric.finish'), run.finishReason, 'metric-finish');
  add(t('playground.metric.requestId'), run.requestId, 'metric-request-id');
  if (rows.length === 0) return null;
  return (
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg bg-surface-muted/60 px-3 py-2 text-xs sm:grid-cols-4"
      data-testid="run-metrics"
    >
      {rows.map((row) => (
        <div key={row.testId} className="min-w-0">
          <dt className="text-ink-faint">{row.label}</dt>
          <dd className="truncate font-medium tabular-nums text-ink" data-testid={row.testId} title={row.value}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
