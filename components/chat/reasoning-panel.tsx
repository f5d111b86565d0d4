'use client';

import { useEffect, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { ChevronRightIcon } from '@/components/ui/icons';
import { wholeSeconds } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';

/**
 * The model's reasoning. Open with a live timer while it streams ("Thinking… (12 s)"); once the
 * answer starts it folds to "Thought for 12 s" (unless the person opened or closed it meanwhile).
 */
export function ReasoningPanel({
  text,
  streaming,
  reasoningMs,
}: {
  text: string;
  streaming: boolean;
  /** The server's measure (finish metadata); preferred over the client's once known. */
  reasoningMs?: number;
}) {
  const t = useT();
  const [open, setOpen] = useState(streaming);
  const touched = useRef(false);
  const startedAt = useRef<number | undefined>(streaming ? Date.now() : undefined);
  const [measured, setMeasured] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!streaming) return;
    startedAt.current ??= Date.now();
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => {
      clearInterval(timer);
      if (startedAt.current !== undefined) setMeasured(Date.now() - startedAt.current);
      if (!touched.current) setOpen(false);
    };
  }, [streaming]);

  const elapsed = streaming ? now - (startedAt.current ?? now) : (reasoningMs ?? measured);
  const label = streaming
    ? t('reasoning.thinking', { seconds: wholeSeconds(elapsed ?? 0) })
    : elapsed !== undefined && elapsed >= 1000
      ? t('reasoning.thought', { seconds: wholeSeconds(elapsed) })
      : t('reasoning.thoughtBriefly');

  return (
    <div className="mb-3" data-testid="reasoning-panel" data-streaming={streaming ? 'true' : 'false'}>
      <button
        type="button"
        aria-expanded={open}
        aria-label={`${label}. ${t('reasoning.toggle')}`}
        data-testid="reasoning-toggle"
        onClick={() => {
          touched.current = true;
          setOpen((value) => !value);
        }}
        className="-ml-1.5 inline-flex items-center gap-1.5 rounded-md px-1.5 py-1 text-[13px] font-medium text-ink-muted transition-colors hover:text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
      >
        <span className={cn(streaming && 'shimmer')} data-testid="reasoning-label">
          {label}
        </span>
        <ChevronRightIcon size={14} className={cn('transition-transform', open && 'rotate-90')} />
      </button>
      {open && (
        <div
          className="mt-1.5 whitespace-pre-wrap border-l-2 border-line pl-3.5 text-[13.5px] leading-relaxed text-ink-muted"
          data-testid="reasoning-content"
        >
          {text}
        </div>
      )}
    </div>
  );
}
