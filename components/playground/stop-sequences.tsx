'use client';

import { useId, useState } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { MAX_STOP_CHARS } from '@/lib/playground/state';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { Field, inputClass } from './field';

/** Stop sequences as removable chips; Enter adds one. Over the model's limit is an inline error. */
export function StopSequences({ max, issue }: { max: number; issue?: string }) {
  const t = useT();
  const id = useId();
  const stop = usePlaygroundStore((store) => store.state?.stop ?? []);
  const set = usePlaygroundStore((store) => store.set);
  const [draft, setDraft] = useState('');

  const add = () => {
    if (draft === '') return;
    set('stop', [...stop, draft]);
    setDraft('');
  };

  return (
    <Field
      label={t('playground.stop')}
      htmlFor={id}
      error={issue}
      testId="param-stop"
      aside={
        <span className="text-xs tabular-nums text-ink-faint">
          {t('playground.stopCount', { count: stop.length, max })}
        </span>
      }
    >
      {stop.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" data-testid="stop-list">
          {stop.map((value, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: duplicates are possible (and flagged)
              key={`${index}-${value}`}
              className="inline-flex items-center gap-1 rounded-md border border-line bg-surface-muted py-0.5 pl-2 pr-1 font-mono text-xs"
            >
              {JSON.stringify(value)}
              <button
                type="button"
                aria-label={t('playground.removeStop', { value })}
                className="rounded p-0.5 text-ink-faint hover:bg-ink/10 hover:text-ink"
                onClick={() =>
                  set(
                    'stop',
                    stop.filter((_, i) => i !== index),
                  )
                }
              >
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={draft}
        maxLength={MAX_STOP_CHARS}
        placeholder={t('playground.stopPlaceholder')}
        aria-invalid={issue ? 'true' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
        onBlur={add}
        className={inputClass}
        data-testid="stop-input"
      />
    </Field>
  );
}
