import { type ReactNode, useId } from 'react';
import { cn } from './cn';

/**
 * A CSS-only tooltip: shown on hover and on keyboard focus inside the wrapper. The wrapper (not the
 * trigger) takes the hover, so it also works around disabled buttons, which receive no pointer events.
 */
export function Tooltip({
  content,
  children,
  side = 'bottom',
  align = 'center',
  className,
  testId,
}: {
  content: ReactNode;
  children: (describedBy: string) => ReactNode;
  side?: 'top' | 'bottom';
  align?: 'start' | 'center' | 'end';
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className={cn('group/tip relative inline-flex', className)}>
      {children(id)}
      <span
        id={id}
        role="tooltip"
        data-testid={testId}
        className={cn(
          'pointer-events-none absolute z-50 w-max max-w-[16rem] rounded-lg bg-ink px-2.5 py-1.5 text-xs font-normal leading-snug text-surface opacity-0 shadow-lg transition-opacity delay-0 duration-150',
          'group-hover/tip:opacity-100 group-hover/tip:delay-300 group-focus-within/tip:opacity-100',
          side === 'bottom' ? 'top-full mt-2' : 'bottom-full mb-2',
          align === 'center' && 'left-1/2 -translate-x-1/2',
          align === 'start' && 'left-0',
          align === 'end' && 'right-0',
        )}
      >
        {content}
      </span>
    </span>
  );
}
