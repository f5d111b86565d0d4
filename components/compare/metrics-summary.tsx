'use client';

import type { AnswerMetrics, Leaders } from '@/lib/compare/metrics';
import { paneLetter } from '@/lib/compare/panes';
import { formatCost, formatSeconds, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';

/** The latest turn in one line: which pane was fastest, cheapest and longest. */
export function MetricsSummary({ leaders, metrics }: { leaders: Leaders; metrics: (AnswerMetrics | undefined)[] }) {
  const t = useT();
  const language = useLanguage();
  const items: { key: string; label: string; index: number; value: string }[] = [];
  const at = (index: number | undefined) => (index === undefined ? undefined : metrics[index]);
  const fastest = at(leaders.fastest);
  if (leaders.fastest !== undefined && fastest?.durationMs !== undefined) {
    items.push({
      key: 'fastest',
      label: t('compare.mark.fastest'),
      index: leaders.fastest,
      value: formatSeconds(fastest.durationMs, language),
    });
  }
  const cheapest = at(leaders.cheapest);
  if (leaders.cheapest !== undefined && cheapest?.cost) {
    items.push({
      key: 'cheapest',
      label: t('compare.mark.cheapest'),
      index: leaders.cheapest,
      value: formatCost(cheapest.cost.amount, cheapest.cost.currency, language),
    });
  }
  const longest = at(leaders.longest);
  if (leaders.longest !== undefined && longest?.outputTokens !== undefined) {
    items.push({
      key: 'longest',
      label: t('compare.mark.longest'),
      index: leaders.longest,
      value: t('compare.tokens', { count: formatTokens(longest.outputTokens, language) }),
    });
  }
  if (items.length === 0) return null;
  return (
    <ul
      className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs text-ink-muted"
      data-testid="metrics-summary"
    >
      {items.map((item) => (
        <li key={item.key} data-testid={`summary-${item.key}`}>
          <span className="text-ink-faint">{item.label}:</span>{' '}
          <span className="font-medium text-ink">{t('compare.paneName', { letter: paneLetter(item.index) })}</span>{' '}
          <span className="tabular-nums">({item.value})</span>
        </li>
      ))}
    </ul>
  );
}
