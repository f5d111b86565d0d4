'use client';

import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { AlertIcon, CloseIcon, RefreshIcon } from '@/components/ui/icons';
import { AppError } from '@/lib/errors';
import { describeError } from '@/lib/i18n/describe-error';
import { formatDuration } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { chatErrorToAppError } from '@/lib/query/api';

/** The last request's error in words, with Retry (regenerate) and a countdown for Retry-After. */
export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
}: {
  error: Error;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const typed = useMemo(() => chatErrorToAppError(error), [error]);
  const retryAfter = typed instanceof AppError ? typed.retryAfterSeconds : undefined;
  const [secondsLeft, setSecondsLeft] = useState(retryAfter);

  useEffect(() => {
    setSecondsLeft(retryAfter);
    if (!retryAfter) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil(retryAfter - (Date.now() - started) / 1000));
      setSecondsLeft(left);
      if (left === 0) clearInterval(timer);
    }, 500);
    return () => clearInterval(timer);
  }, [retryAfter]);

  const description = describeError(typed, secondsLeft);
  const text =
    description.serverMessage && language === 'en'
      ? description.serverMessage
      : t(description.key, {
          ...description.vars,
          ...(description.waitSeconds === undefined ? {} : { wait: formatDuration(description.waitSeconds, t) }),
        });

  return (
    <div
      role="alert"
      data-testid="error-banner"
      data-error-code={typed instanceof AppError ? typed.code : 'network'}
      className="mb-2 flex items-start gap-3 rounded-xl border border-danger/25 bg-danger/[0.06] px-3.5 py-2.5 text-sm text-ink"
    >
      <AlertIcon size={17} className="mt-0.5 shrink-0 text-danger" />
      <p className="min-w-0 flex-1 leading-relaxed" data-testid="error-message">
        {text}
      </p>
      <div className="-my-1 flex shrink-0 items-center gap-1">
        <Button variant="secondary" size="sm" onClick={onRetry} data-testid="error-retry">
          <RefreshIcon size={14} />
          {t('error.retry')}
        </Button>
        <Button variant="ghost" size="iconSm" aria-label={t('error.dismiss')} onClick={onDismiss}>
          <CloseIcon size={15} />
        </Button>
      </div>
    </div>
  );
}
