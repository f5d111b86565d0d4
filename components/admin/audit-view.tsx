'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { type AuditFilters, type AuditRow, auditQueryOptions, auditSearch } from '@/lib/query/audit';
import { AdminTabs } from './admin-tabs';
import { AuditFiltersForm } from './audit-filters';
import { BreakerPanel } from './breaker-panel';

/** `/admin/audit`: breaker state, then the audit log with filters, paging and a CSV export. */
export function AuditView() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useInfiniteQuery(auditQueryOptions(filters));
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8 sm:px-6" data-testid="audit-page">
      <AdminTabs />
      <BreakerPanel />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t('audit.title')}</h1>
        <a
          href={`/api/admin/audit?${auditSearch(filters, { format: 'csv' })}`}
          download
          data-testid="audit-export"
          className="rounded-lg border border-line bg-surface-raised px-3.5 py-1.5 text-sm hover:bg-surface-muted"
        >
          {t('audit.export')}
        </a>
      </div>
      <AuditFiltersForm onApply={setFilters} />
      {query.isPending && <p className="text-sm text-ink-muted">{t('sidebar.loading')}</p>}
      {query.isError && <p className="text-sm text-danger">{t('errors.default')}</p>}
      {query.isSuccess && rows.length === 0 && <p className="text-sm text-ink-muted">{t('audit.empty')}</p>}
      {rows.length > 0 && <AuditTable rows={rows} />}
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('audit.more')}
        </Button>
      )}
    </div>
  );
}

const statusTone: Record<string, string> = {
  complete: 'text-ink',
  interrupted: 'text-accent',
  error: 'text-danger',
  rejected: 'text-danger',
};

function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useT();
  const language = useLanguage();
  const ms = (value: number | null) => (value === null ? '—' : `${(value / 1000).toFixed(2)} s`);
  const head = 'px-2 py-2 text-left font-medium whitespace-nowrap';
  const cell = 'px-2 py-1.5 whitespace-nowrap';
  return (
    <div className="overflow-x-auto rounded-xl border border-line">
      <table className="w-full text-xs tabular-nums" data-testid="audit-table">
        <thead className="bg-surface-muted text-ink-muted">
          <tr>
            <th className={head}>{t('audit.col.time')}</th>
            <th className={head}>{t('audit.col.user')}</th>
            <th className={head}>{t('audit.col.route')}</th>
            <th className={head}>{t('audit.col.model')}</th>
            <th className={head}>{t('audit.col.status')}</th>
            <th className={head}>{t('audit.col.upstream')}</th>
            <th className={head}>{t('audit.col.retries')}</th>
            <th className={head}>{t('audit.col.cache')}</th>
            <th className={head}>{t('audit.col.tokens')}</th>
            <th className={head}>{t('audit.col.ttft')}</th>
            <th className={head}>{t('audit.col.duration')}</th>
            <th className={head}>{t('audit.col.ip')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row" data-request-id={row.requestId} data-status={row.status}>
              <td className={cell} title={row.requestId}>
                {row.createdAt.replace('T', ' ').slice(0, 19)}
              </td>
              <td className={cn(cell, 'max-w-48 truncate')} title={row.userEmail ?? row.userId ?? ''}>
                {row.userEmail ?? row.userId ?? '—'}
              </td>
              <td className={cell}>{row.route}</td>
              <td className={cell}>{row.model ?? '—'}</td>
              <td className={cn(cell, statusTone[row.status])} title={row.errorCode ?? undefined}>
                {row.status} · {row.httpStatus}
                {row.flagged && (
                  <span className="ml-1 rounded bg-danger/10 px-1 text-danger">{t('audit.flaggedBadge')}</span>
                )}
                {row.redactions > 0 && (
                  <span className="ml-1 rounded bg-surface-muted px-1">
                    {t('audit.redactedBadge', { count: row.redactions })}
                  </span>
                )}
              </td>
              <td className={cell}>{row.upstreamStatus ?? '—'}</td>
              <td className={cell}>{row.retries}</td>
              <td className={cell}>{row.cacheStatus}</td>
              <td className={cell}>
                {formatTokens(row.inputTokens, language)} / {formatTokens(row.outputTokens, language)}
              </td>
              <td className={cell}>{ms(row.ttftMs)}</td>
              <td className={cell}>{ms(row.durationMs)}</td>
              <td className={cell}>{row.clientIp}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
