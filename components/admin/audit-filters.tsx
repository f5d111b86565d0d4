'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';
import type { AuditFilters } from '@/lib/query/audit';

const statuses = ['complete', 'interrupted', 'error', 'rejected'] as const;
const cacheStatuses = ['HIT', 'MISS', 'BYPASS'] as const;
/** The routes that call the model (compare panes are chat turns). */
const routes = ['chat', 'playground', 'vision'] as const;
const field = 'w-full rounded-lg border border-line bg-surface px-2 py-1 text-sm';

/** The filter form; applies on submit. Dates are UTC days. */
export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<AuditFilters>({});
  const set = (change: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...change }));
  const toIso = (day: string | undefined, end: boolean) =>
    day ? `${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : undefined;

  return (
    <form
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
      className="grid grid-cols-2 gap-3 rounded-xl border border-line p-3 sm:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, from: toIso(draft.from, false), to: toIso(draft.to, true) });
      }}
    >
      <label className="col-span-2 space-y-1 text-xs text-ink-muted">
        <span>{t('audit.user')}</span>
        <input
          className={field}
          data-testid="audit-filter-user"
          value={draft.user ?? ''}
          onChange={(event) => set({ user: event.target.value })}
        />
      </label>
      <SelectFilter
        label={t('audit.col.route')}
        any={t('audit.any')}
        testId="audit-filter-route"
        options={routes}
        value={draft.route}
        onChange={(route) => set({ route })}
      />
      <label className="space-y-1 text-xs text-ink-muted">
        <span>{t('audit.model')}</span>
        <input className={field} value={draft.model ?? ''} onChange={(event) => set({ model: event.target.value })} />
      </label>
      <SelectFilter
        label={t('audit.status')}
        any={t('audit.any')}
        testId="audit-filter-status"
        options={statuses}
        value={draft.status}
        onChange={(status) => set({ status })}
      />
      <SelectFilter
        label={t('audit.cache')}
        any={t('audit.any')}
        options={cacheStatuses}
        value={draft.cache}
        onChange={(cache) => set({ cache })}
      />
      <label className="space-y-1 text-xs text-ink-muted">
        <span>{t('audit.from')}</span>
        <input
          type="date"
          className={field}
          value={draft.from ?? ''}
          onChange={(event) => set({ from: event.target.value })}
        />
      </label>
      <label className="space-y-1 text-xs text-ink-muted">
        <span>{t('audit.to')}</span>
        <input
          type="date"
          className={field}
          value={draft.to ?? ''}
          onChange={(event) => set({ to: event.target.value })}
        />
      </label>
      <label className="flex items-center gap-2 self-end pb-1 text-sm">
        <input
          type="checkbox"
          checked={draft.flagged ?? false}
          onChange={(event) => set({ flagged: event.target.checked })}
        />
        <span>{t('audit.flagged')}</span>
      </label>
      <div className="col-span-2 flex items-end justify-end gap-2 sm:col-span-4">
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('audit.reset')}
        </Button>
        <Button type="submit" variant="primary" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
      </div>
    </form>
  );
}

function SelectFilter({
  label,
  any,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  any: string;
  options: readonly string[];
  value: string | undefined;
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <label className="space-y-1 text-xs text-ink-muted">
      <span>{label}</span>
      <select
        className={field}
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
