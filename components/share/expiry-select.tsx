'use client';

import { useT } from '@/lib/i18n/use-t';
import { type ShareExpiry, shareExpiries } from '@/lib/share/expiry';

export const expiryKeys = {
  '1h': 'share.expiry.1h',
  '1d': 'share.expiry.1d',
  '7d': 'share.expiry.7d',
  '30d': 'share.expiry.30d',
  never: 'share.expiry.never',
} as const;

/** A native select: keyboard, screen readers and phones all handle it well. */
export function ExpirySelect({
  value,
  onChange,
  label,
  placeholder,
  disabled,
  testId,
}: {
  value: ShareExpiry | '';
  onChange: (value: ShareExpiry) => void;
  label: string;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as ShareExpiry)}
      className="h-8 rounded-lg border border-line bg-surface-raised px-2 text-[13px] text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 disabled:opacity-45"
    >
      {placeholder !== undefined && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {shareExpiries.map((expiry) => (
        <option key={expiry} value={expiry}>
          {t(expiryKeys[expiry])}
        </option>
      ))}
    </select>
  );
}
