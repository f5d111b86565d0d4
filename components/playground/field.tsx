import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A labelled form row with an optional one-line note (why it is disabled) and an inline error. */
export function Field({
  label,
  htmlFor,
  note,
  error,
  aside,
  children,
  className,
  testId,
}: {
  label: ReactNode;
  htmlFor?: string;
  note?: ReactNode;
  error?: string;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={cn('space-y-1.5', className)} data-testid={testId} data-invalid={error ? 'true' : undefined}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={htmlFor} className="text-[13px] font-medium text-ink">
          {label}
        </label>
        {aside}
      </div>
      {children}
      {note && <p className="text-xs text-ink-faint">{note}</p>}
      {error && (
        <p role="alert" className="text-xs text-danger" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  'w-full rounded-lg border border-line bg-surface-raised px-2.5 py-1.5 text-sm text-ink placeholder:text-ink-faint focus:border-accent/60 focus:outline-none focus:ring-2 focus:ring-accent/30 disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-danger/70';
