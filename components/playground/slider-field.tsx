'use client';

import { useEffect, useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useT } from '@/lib/i18n/use-t';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { Field, inputClass } from './field';

/**
 * A number parameter: a range slider (arrow keys move it) with a numeric input beside it. `null`
 * means "not sent" (the upstream's default). Text that is not a number is an inline error and keeps
 * Run off; a number out of range is kept as typed and flagged by the rules — never clamped silently.
 */
export function SliderField({
  name,
  label,
  value,
  min,
  max,
  step,
  fallback,
  integer = false,
  slider = true,
  disabledReason,
  issue,
  onChange,
}: {
  name: string;
  label: string;
  value: number | null;
  min: number;
  max: number;
  step: number;
  /** Where the slider sits while the value is unset. */
  fallback: number;
  integer?: boolean;
  slider?: boolean;
  disabledReason?: string;
  issue?: string;
  onChange: (value: number | null) => void;
}) {
  const t = useT();
  const id = useId();
  const setInvalid = usePlaygroundStore((state) => state.setInvalid);
  const [text, setText] = useState(value === null ? '' : String(value));
  const [parseError, setParseError] = useState<string>();

  // Follow outside changes (slider, preset, URL) unless the person is mid-way through typing junk.
  useEffect(() => {
    if (parseError) return;
    setText(value === null ? '' : String(value));
  }, [value, parseError]);

  const commitText = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    let error: string | undefined;
    if (trimmed === '') onChange(null);
    else if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(trimmed)) error = t('playground.notANumber');
    else if (integer && !Number.isInteger(Number(trimmed))) error = t('playground.notAnInteger');
    else onChange(Number(trimmed));
    setParseError(error);
    setInvalid(name, error);
  };

  const disabled = Boolean(disabledReason);
  const error = parseError ?? (disabled ? undefined : issue);
  return (
    <Field
      label={label}
      htmlFor={id}
      note={disabledReason}
      error={error}
      testId={`param-${name}`}
      aside={
        value !== null && !disabled ? (
          <button
            type="button"
            className="text-xs text-ink-faint hover:text-ink"
            aria-label={t('playground.clearValue', { name: label })}
            onClick={() => commitText('')}
          >
            {t('playground.unset')}
          </button>
        ) : undefined
      }
    >
      <div className="flex items-center gap-3">
        {slider && (
          <input
            type="range"
            aria-label={label}
            min={min}
            max={max}
            step={step}
            disabled={disabled}
            value={value ?? fallback}
            onChange={(event) => commitText(event.target.value)}
            className={cn('h-1.5 min-w-0 flex-1 cursor-pointer accent-accent', value === null && 'opacity-50')}
            data-testid={`param-${name}-slider`}
          />
        )}
        <input
          id={id}
          inputMode="decimal"
          disabled={disabled}
          value={disabled ? '' : text}
          placeholder={t('playground.unset')}
          aria-invalid={error ? 'true' : undefined}
          onChange={(event) => commitText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
            event.preventDefault();
            const base = value ?? fallback;
            const next = base + (event.key === 'ArrowUp' ? step : -step);
            commitText(String(Number(next.toFixed(4))));
          }}
          className={cn(inputClass, slider ? 'w-20 shrink-0 text-right tabular-nums' : 'tabular-nums')}
          data-testid={`param-${name}-input`}
        />
      </div>
    </Field>
  );
}
