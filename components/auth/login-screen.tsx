'use client';

import { useState } from 'react';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { ThemeSwitch } from '@/components/layout/theme-switch';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { GitHubIcon, LogoMark, UserIcon } from '@/components/ui/icons';
import type { SignInOptions } from '@/lib/auth/authjs';
import type { ProviderError } from '@/lib/auth/callback-path';
import { type AuthFailure, signInAsGuest, signInWith } from '@/lib/auth/client';
import { useT } from '@/lib/i18n/use-t';
import { AuthError } from './auth-error';
import { PasswordForm } from './password-form';

type Mode = 'sign-in' | 'sign-up';

/** The login page: sign in or create an account, one-click guest, and GitHub / OIDC when configured. */
export function LoginScreen({
  options,
  callbackUrl,
  initialError,
}: {
  options: SignInOptions;
  callbackUrl: string;
  initialError?: ProviderError;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('sign-in');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure | undefined>(initialError && { kind: initialError });
  // A full navigation, so every cache starts afresh for the signed-in user.
  const proceed = () => window.location.assign(callbackUrl);

  const run = async (action: () => Promise<{ ok: true } | { ok: false; failure: AuthFailure }>) => {
    setBusy(true);
    setFailure(undefined);
    const result = await action();
    if (result.ok) return proceed();
    setBusy(false);
    setFailure(result.failure);
  };

  const tabs: [Mode, string][] = [
    ['sign-in', t('auth.tabSignIn')],
    ['sign-up', t('auth.tabSignUp')],
  ];

  return (
    <div className="flex min-h-dvh flex-col bg-surface-muted text-ink">
      <div className="flex justify-end gap-1 p-3">
        <LanguageSwitch />
        <ThemeSwitch />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pb-12 sm:items-center">
        <div
          className="w-full max-w-[380px] rounded-2xl border border-line/80 bg-surface-raised p-6 shadow-xl shadow-black/[0.04] sm:p-7"
          data-testid="login-card"
        >
          <div className="flex flex-col items-center text-center">
            <LogoMark size={40} />
            <h1 className="mt-3 text-lg font-semibold tracking-tight">{t('auth.title')}</h1>
            <p className="mt-1 text-balance text-sm text-ink-muted">{t('auth.subtitle')}</p>
          </div>

          <div
            role="tablist"
            aria-label={t('auth.title')}
            className="mt-6 grid grid-cols-2 rounded-xl bg-surface-muted p-1"
          >
            {tabs.map(([value, label]) => (
              <button
                key={value}
                type="button"
                role="tab"
                aria-selected={mode === value}
                data-testid={`login-tab-${value}`}
                onClick={() => setMode(value)}
                className={cn(
                  'h-8 rounded-lg text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60',
                  mode === value ? 'bg-surface-raised text-ink shadow-sm' : 'text-ink-muted hover:text-ink',
                )}
              >
                {label}
              </button>
            ))}
          </div>

          <div role="tabpanel" className="mt-5">
            <PasswordForm key={mode} mode={mode} onSignedIn={proceed} />
          </div>

          <div className="my-5 flex items-center gap-3 text-xs text-ink-faint">
            <span className="h-px flex-1 bg-line" />
            {t('auth.or')}
            <span className="h-px flex-1 bg-line" />
          </div>

          <div className="space-y-2.5">
            {options.github && (
              <Button
                className="h-10 w-full"
                disabled={busy}
                data-testid="login-provider-github"
                onClick={() => run(() => signInWith('github', callbackUrl))}
              >
                <GitHubIcon size={16} />
                {t('auth.withProvider', { provider: 'GitHub' })}
              </Button>
            )}
            {options.oidc && (
              <Button
                className="h-10 w-full"
                disabled={busy}
                data-testid="login-provider-oidc"
                onClick={() => run(() => signInWith('oidc', callbackUrl))}
              >
                {t('auth.withProvider', { provider: options.oidc.name })}
              </Button>
            )}
            <Button
              variant="ghost"
              className="h-10 w-full border border-dashed border-line"
              disabled={busy}
              data-testid="login-guest"
              onClick={() => run(signInAsGuest)}
            >
              <UserIcon size={16} />
              {t('auth.guest')}
            </Button>
            <p className="text-center text-xs leading-relaxed text-ink-faint">{t('auth.guestHint')}</p>
            <AuthError failure={failure} testId="login-provider-error" />
          </div>
        </div>
      </main>
    </div>
  );
}
