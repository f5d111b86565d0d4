'use client';

import { type InputHTMLAttributes, useId } from 'react';

export const inputClass =
  'h-10 w-full rounded-lg border border-line bg-surface px-3 text-[15px] text-ink shadow-sm shadow-black/[0.02] placeholder:text-ink-faint focus:border-accent/70 focus:outline-none focus:ring-2 focus:ring-accent/25 sm:text-sm';

/** A labelled text input for the account forms. */
export function TextField({
  label,
  onValue,
  testId,
  ...props
}: { label: string; onValue: (value: string) => void; testId: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-[13px] font-medium text-ink-muted">
        {label}
      </label>
      <input
        id={id}
        {...props}
        onChange={(event) => onValue(event.target.value)}
        data-testid={testId}
        className={inputClass}
      />
    </div>
  );
}
