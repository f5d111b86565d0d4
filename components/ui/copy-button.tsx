'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { copyText } from './copy-text';
import { CheckIcon, CopyIcon } from './icons';

/** Copies `getText()` and shows "Copied" for two seconds. */
export function CopyButton({
  getText,
  label,
  copiedLabel,
  showLabel = false,
  className,
  testId,
}: {
  getText: () => string;
  label: string;
  copiedLabel: string;
  showLabel?: boolean;
  className?: string;
  testId?: string;
}) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    if (await copyText(getText())) {
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2000);
    }
  };

  return (
    <Button
      variant="ghost"
      size={showLabel ? 'sm' : 'iconXs'}
      onClick={onClick}
      aria-label={copied ? copiedLabel : label}
      title={copied ? copiedLabel : label}
      data-testid={testId}
      data-copied={copied ? 'true' : undefined}
      className={cn(showLabel && 'h-7 px-2 text-xs', className)}
    >
      {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      {showLabel && <span aria-live="polite">{copied ? copiedLabel : label}</span>}
    </Button>
  );
}
