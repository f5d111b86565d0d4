'use client';

import { useQuery } from '@tanstack/react-query';
import { cn } from '@/components/ui/cn';
import { useT } from '@/lib/i18n/use-t';
import { breakersQueryOptions } from '@/lib/query/audit';

/** Each model's circuit breaker on this instance, refreshed every few seconds. */
export function BreakerPanel() {
  const t = useT();
  const { data } = useQuery(breakersQueryOptions());
  const breakers = data?.breakers ?? [];
  return (
    <section className="space-y-2" data-testid="breaker-panel">
      <h2 className="text-sm font-medium">{t('breakers.title')}</h2>
      {breakers.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('breakers.none')}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {breakers.map((breaker) => (
            <li
              key={`${breaker.upstream}/${breaker.model}`}
              data-testid="breaker-state"
              data-state={breaker.state}
              className={cn(
                'rounded-lg border px-3 py-1.5 text-xs',
                breaker.state === 'closed' && 'border-line text-ink-muted',
                breaker.state === 'open' && 'border-danger text-danger',
                breaker.state === 'half_open' && 'border-accent text-accent',
              )}
            >
              <span className="font-medium text-ink">{breaker.model}</span> · {breaker.upstream} ·{' '}
              {breaker.state === 'open'
                ? t('breakers.state.open', { seconds: Math.ceil(breaker.retryAfterMs / 1000) })
                : t(`breakers.state.${breaker.state}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
