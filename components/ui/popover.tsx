'use client';

import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { cn } from './cn';

export interface PopoverTriggerProps {
  'aria-expanded': boolean;
  'aria-haspopup': 'menu' | 'listbox' | 'dialog';
  'aria-controls': string;
  onClick: () => void;
}

/**
 * A click-to-open panel anchored under its trigger. Closes on outside click, Escape (focus returns
 * to the trigger) and after a choice. Arrow keys move between `[role^=menuitem]` / `[role=option]`.
 */
export function Popover({
  trigger,
  children,
  align = 'start',
  kind = 'menu',
  className,
  rootClassName,
  testId,
}: {
  trigger: (props: PopoverTriggerProps) => ReactNode;
  children: (close: () => void) => ReactNode;
  align?: 'start' | 'end';
  kind?: 'menu' | 'listbox' | 'dialog';
  className?: string;
  /** Classes for the wrapper (it is the flex item when the popover sits in a flex row). */
  rootClassName?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    root.current?.querySelector<HTMLElement>('[aria-haspopup]')?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    // Focus the selected (or first) item so keyboard users land inside the panel.
    const items = panel.current?.querySelectorAll<HTMLElement>(itemSelector);
    const selected = panel.current?.querySelector<HTMLElement>('[aria-checked="true"],[aria-selected="true"]');
    (selected ?? items?.[0])?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const items = Array.from(panel.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []);
    if (items.length === 0) return;
    event.preventDefault();
    const current = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? items.length - 1
          : (current + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the trigger and the items
    <div ref={root} className={cn('relative', rootClassName)} onKeyDown={onKeyDown}>
      {trigger({
        'aria-expanded': open,
        'aria-haspopup': kind,
        'aria-controls': id,
        onClick: () => setOpen((value) => !value),
      })}
      {open && (
        <div
          ref={panel}
          id={id}
          role={kind}
          data-testid={testId}
          className={cn(
            'absolute top-full z-40 mt-1.5 min-w-[12rem] origin-top rounded-xl border border-line bg-surface-raised p-1 shadow-xl shadow-black/[0.08] animate-in',
            align === 'start' ? 'left-0' : 'right-0',
            className,
          )}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}

const itemSelector = '[role^="menuitem"]:not([disabled]),[role="option"]:not([aria-disabled="true"])';

export function MenuItem({
  children,
  onSelect,
  checked,
  role = checked === undefined ? 'menuitem' : 'menuitemradio',
  className,
  testId,
  danger,
}: {
  children: ReactNode;
  onSelect: () => void;
  checked?: boolean;
  role?: 'menuitem' | 'menuitemradio' | 'option';
  className?: string;
  testId?: string;
  danger?: boolean;
}) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-checked is only set for role="menuitemradio"
    <button
      type="button"
      role={role}
      aria-checked={role === 'menuitemradio' ? checked : undefined}
      aria-selected={role === 'option' ? checked : undefined}
      data-testid={testId}
      onClick={onSelect}
      className={cn(
        'flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-left text-sm text-ink outline-none transition-colors hover:bg-ink/[0.06] focus-visible:bg-ink/[0.06]',
        danger && 'text-danger',
        className,
      )}
    >
      {children}
    </button>
  );
}
