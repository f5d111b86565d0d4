'use client';

import { useQuery } from '@tanstack/react-query';
import { formatCost, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import type { LimitKind } from '@/lib/policy/messages';
import { usageQueryOptions } from '@/lib/query/usage';
import type { UsagePeriod } from '@/lib/usage/report';

const limitKeys = {
  requests_per_minute: 'usagePage.limit.requests_per_minute',
  requests_per_day: 'usagePage.limit.requests_per_day',
  tokens_per_day: 'usagePage.limit.tokens_per_day',
  concurrent_streams: 'usagePage.limit.concurrent_streams',
} as const satisfies Record<LimitKind, string>;

/** `/usage`: the signed-in user's tokens and cost today and this month, and their limits. */
export function UsageView() {
  const t = useT();
  const language = useLanguage();
  const { data, isPending, isError } = useQuery(usageQueryOptions());

  return (
    <div className="mx-auto w-full max-w-4xl space-y-8 px-4 py-8 sm:px-6" data-testid="usage-page">
      <h1 className="text-xl font-semibold">{t('usagePage.title')}</h1>
      {isPending && <p className="text-sm text-ink-muted">{t('sidebar.loading')}</p>}
      {isError && <p className="text-sm text-danger">{t('errors.default')}</p>}
      {data && (
        <>
          <section aria-labelledby="usage-limits">
            <h2 id="usage-limits" className="mb-3 text-sm font-semibold text-ink-muted">
              {t('usagePage.limits')}
            </h2>
            <ul className="grid grid-cols-2 gap-2 sm:gap-3">
              {data.limits.map((status) => (
                <li
                  key={status.limit}
                  className="min-w-0 rounded-xl border border-line px-3 py-2.5 sm:px-4 sm:py-3"
                  data-testid={`usage-limit-${status.limit}`}
                >
                  <p className="text-xs text-ink-muted sm:text-sm">{t(limitKeys[status.limit])}</p>
                  <p className="mt-1 text-lg font-medium tabular-nums">
                    {formatTokens(status.used, language)}
                    <span className="text-sm text-ink-muted">
                      {' / '}
                      {status.limitValue === null
                        ? t('usagePage.unlimited')
                        : formatTokens(status.limitValue, language)}
                    </span>
                  </p>
                  {status.limit !== 'concurrent_streams' && (
                    <p className="mt-0.5 text-xs text-ink-faint">
                      {t('usagePage.resetsAt', { time: `${status.resetAt.slice(11, 16)} UTC` })}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <PeriodTable title={t('usagePage.today')} period={data.today} testId="usage-today" />
          <PeriodTable title={t('usagePage.month')} period={data.month} testId="usage-month" />
        </>
      )}
    </div>
  );
}

function PeriodTable({ title, period, testId }: { title: string; period: UsagePeriod; testId: string }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number) => formatTokens(value, language);
  return (
    <section data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold text-ink-muted">{title}</h2>
      {period.byModel.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('usagePage.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full min-w-[36rem] whitespace-nowrap text-sm">
            <thead className="bg-ink/[0.03] text-left text-xs text-ink-muted">
              <tr>
                <th className="px-3 py-2 font-medium">{t('usagePage.model')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.requests')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.cacheHit')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.cacheMiss')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.output')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.total')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('usagePage.cost')}</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {period.byModel.map((row) => (
                <tr key={`${row.model}:${row.costCurrency}`} className="border-t border-line">
                  <td className="px-3 py-2 font-medium">{row.model}</td>
                  <td className="px-3 py-2 text-right" data-testid="usage-requests">
                    {n(row.requests)}
                  </td>
                  <td className="px-3 py-2 text-right">{n(row.cacheHitTokens)}</td>
                  <td className="px-3 py-2 text-right">{n(row.cacheMissTokens)}</td>
                  <td className="px-3 py-2 text-right">{n(row.outputTokens)}</td>
                  <td className="px-3 py-2 text-right" data-testid="usage-total-tokens">
                    {n(row.totalTokens)}
                  </td>
                  <td className="px-3 py-2 text-right" data-testid="usage-cost">
                    {formatCost(row.costAmount, row.costCurrency, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
