import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditEvent } from '@/lib/db/schema';
import type { BreakerSnapshot } from '@/lib/upstream/breaker';
import { apiFetch } from './api';

/** An audit row as the API sends it (dates as ISO strings). */
export type AuditRow = Omit<AuditEvent, 'createdAt'> & { createdAt: string };

export interface AuditFilters {
  user?: string;
  /** a route id: chat (compare panes included), playground, vision */
  route?: string;
  model?: string;
  status?: string;
  cache?: string;
  flagged?: boolean;
  from?: string;
  to?: string;
}

/** The query string of a filter set (empty fields left out); also the CSV export's. */
export function auditSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['admin', 'audit', filters] as const,
    queryFn: ({ signal, pageParam }) =>
      apiFetch<{ items: AuditRow[]; nextBefore: string | null }>(
        `/api/admin/audit?${auditSearch(filters, pageParam ? { before: pageParam } : {})}`,
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function breakersQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'breakers'] as const,
    queryFn: ({ signal }) => apiFetch<{ breakers: BreakerSnapshot[] }>('/api/admin/gateway', { signal }),
    refetchInterval: 5_000,
  });
}
