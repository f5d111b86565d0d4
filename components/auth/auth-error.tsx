'use client';

import { AlertIcon } from '@/components/ui/icons';
import type { AuthFailure } from '@/lib/auth/client';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';
import type { MessageKey } from '@/lib/i18n/languages';
import { type TFunction, useT } from '@/lib/i18n/use-t';

/** A sign-in failure as a sentence from the catalog. */
export function describeAuthFailure(t: TFunction, failure: AuthFailure): string {
  switch (failure.kind) {
    case 'weak_password':
      return t(`auth.password.${failure.reason ?? 'too_short'}` as MessageKey, { min: PASSWORD_MIN_LENGTH });
    case 'rate_limited':
      return t('auth.error.rate_limited', { seconds: failure.retryAfterSeconds ?? 60 });
    default:
      return t(`auth.error.${failure.kind}` as MessageKey);
  }
}

export function AuthError({ failure, testId = 'auth-error' }: { failure: AuthFailure | undefined; testId?: string }) {
  const t = useT();
  if (!failure) return null;
  return (
    <p
      role="alert"
      data-testid={testId}
      data-kind={failure.kind}
      className="flex items-start gap-2 rounded-lg border border-danger/30 bg-danger/[0.07] px-3 py-2 text-sm text-danger"
    >
      <AlertIcon size={16} className="mt-0.5 shrink-0" />
      <span>{describeAuthFailure(t, failure)}</span>
    </p>
  );
}
