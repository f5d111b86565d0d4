'use client';

import { useEffect, useRef, useState } from 'react';

/** Inline title editor: Enter or blur saves, Escape cancels. */
export function RenameInput({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string;
  label: string;
  onSave: (title: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const title = value.trim();
    if (save && title) onSave(title.slice(0, 200));
    else onCancel();
  };

  return (
    <input
      ref={ref}
      value={value}
      aria-label={label}
      data-testid="rename-input"
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      className="m-0.5 h-8 min-w-0 flex-1 rounded-md border border-accent/50 bg-surface-raised px-2.5 text-sm text-ink outline-none ring-2 ring-accent/20"
    />
  );
}
