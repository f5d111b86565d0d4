'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';
import { type LimitName, type LimitOverrides, limitNames } from '@/lib/policy/roles';

const labelKeys = {
  requestsPerMinute: 'usagePage.limit.requests_per_minute',
  requestsPerDay: 'usagePage.limit.requests_per_day',
  tokensPerDay: 'usagePage.limit.tokens_per_day',
  concurrentStreams: 'usagePage.limit.concurrent_streams',
} as const satisfies Record<LimitName, string>;

/** Text per field: "" = the role's default, "-" = unlimited, a number = that limit. */
const toText = (value: number | null | undefined) => (value === undefined ? '' : value === null ? '-' : String(value));

function toOverrides(values: Record<LimitName, string>): LimitOverrides | null {
  const overrides: LimitOverrides = {};
  for (const name of limitNames) {
    const text = values[name].trim();
    if (text === '') continue;
    overrides[name] = text === '-' ? null : Math.max(0, Math.floor(Number(text)));
  }
  return Object.keys(overrides).length > 0 ? overrides : null;
}

/** One user's quota overrides; an empty field falls back to the role's default. */
export function LimitsForm({
  overrides,
  pending,
  onSave,
}: {
  overrides: LimitOverrides | null;
  pending: boolean;
  onSave: (overrides: LimitOverrides | null) => void;
}) {
  const t = useT();
  const [values, setValues] = useState(
    () => Object.fromEntries(limitNames.map((name) => [name, toText(overrides?.[name])])) as Record<LimitName, string>,
  );
  const valid = limitNames.every((name) => /^(|-|\d+)$/.test(values[name].trim()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSave(toOverrides(values));
  };

  return (
    <form
      onSubmit={submit}
      className="grid grid-cols-2 gap-3 rounded-lg bg-ink/[0.03] p-3 sm:grid-cols-4"
      data-testid="limits-form"
    >
      {limitNames.map((name) => (
        <label key={name} className="space-y-1 text-xs text-ink-muted">
          <span className="block">{t(labelKeys[name])}</span>
          <input
            inputMode="numeric"
            data-testid={`limit-${name}`}
            value={values[name]}
            placeholder={t('admin.roleDefault')}
            onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
            className="w-full rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink"
          />
        </label>
      ))}
      <p className="col-span-2 text-xs text-ink-faint sm:col-span-3">{t('admin.limitsHint')}</p>
      <div className="col-span-2 flex justify-end gap-2 sm:col-span-1">
        <Button type="submit" size="sm" disabled={!valid || pending} data-testid="limits-save">
          {t('admin.save')}
        </Button>
      </div>
    </form>
  );
}
