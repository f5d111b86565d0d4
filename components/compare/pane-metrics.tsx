'use client';

import { useEffect, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { ChatMessage, ChatMetadata } from '@/lib/chat/types';
import { metricsOf } from '@/lib/compare/metrics';
import { formatCost, formatSeconds, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import type { PaneMark } from './types';

/**
 * The latest answer's numbers. While it streams, time to first token and elapsed time are measured
 * here (live); when it ends, the server's figures (metadata on the finish chunk) replace them.
 */
export function PaneMetrics({
  metadata,
  message,
  streaming,
  sentAt,
  marks,
}: {
  metadata: ChatMetadata | undefined;
  message: ChatMessage | undefined;
  streaming: boolean;
  sentAt: number | undefined;
  marks: PaneMark[];
}) {
  const t = useT();
  const language = useLanguage();
  const now = useTicker(streaming);
  const firstSeen = useRef<number | undefined>(undefined);
  const hasContent = Boolean(
    message?.parts.some((part) => (part.type === 'text' || part.type === 'reasoning') && part.text),
  );
  if (!streaming) firstSeen.current = undefined;
  else if (hasContent && firstSeen.current === undefined) firstSeen.current = Date.now();

  const live = streaming && sentAt !== undefined;
  const m = live ? {} : metricsOf(metadata);
  const ttft = live ? (firstSeen.current !== undefined ? firstSeen.current - sentAt : undefined) : m.firstTokenMs;
  const total = live ? now - sentAt : m.durationMs;
  const dash = '–';
  const stats: { key: string; label: string; value: string }[] = [
    { key: 'ttft', label: t('usage.ttft'), value: ttft !== undefined ? formatSeconds(ttft, language) : dash },
    {
      key: 'total',
      label: t('compare.metrics.total'),
      value: total !== undefined ? formatSeconds(total, language) : dash,
    },
    {
      key: 'output',
      label: t('usage.output'),
      value: m.outputTokens !== undefined ? formatTokens(m.outputTokens, language) : dash,
    },
    {
      key: 'speed',
      label: t('compare.metrics.speed'),
      value: m.tokensPerSecond !== undefined ? m.tokensPerSecond.toFixed(1) : dash,
    },
    {
      key: 'reasoning',
      label: t('usage.reasoning'),
      value: m.reasoningTokens !== undefined ? formatTokens(m.reasoningTokens, language) : dash,
    },
    {
      key: 'cache',
      label: t('compare.metrics.cache'),
      value:
        m.cacheHitTokens !== undefined && m.cacheMissTokens !== undefined
          ? `${formatTokens(m.cacheHitTokens, language)} / ${formatTokens(m.cacheMissTokens, language)}`
          : dash,
    },
    {
      key: 'cost',
      label: t('usage.cost'),
      value: m.cost ? formatCost(m.cost.amount, m.cost.currency, language) : dash,
    },
  ];

  return (
    <footer className="shrink-0 border-t border-line/70 bg-surface-muted/60 px-3 py-2" data-testid="pane-metrics">
      {marks.length > 0 && (
        <div className="mb-1.5 flex flex-wrap gap-1">
          {marks.map((mark) => (
            <span
              key={mark}
              data-testid={`pane-mark-${mark}`}
              className="rounded-full bg-accent-soft px-2 py-0.5 text-[11px] font-medium text-accent"
            >
              {t(`compare.mark.${mark}`)}
            </span>
          ))}
        </div>
      )}
      <dl className="grid grid-cols-4 gap-x-2 gap-y-1 text-[11px] leading-4">
        {stats.map((stat) => (
          <div
            key={stat.key}
            className={cn('min-w-0', stat.key === 'cache' && 'col-span-2')}
            data-testid={`metric-${stat.key}`}
          >
            <dt className="truncate text-ink-faint">{stat.label}</dt>
            <dd className="truncate tabular-nums text-ink-muted">{stat.value}</dd>
          </div>
        ))}
      </dl>
    </footer>
  );
}

/** The current time, re-rendered every 100 ms while `active`. */
function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
