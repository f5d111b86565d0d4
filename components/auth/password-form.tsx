'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type AuthFailure, signInWithPassword, signUp } from '@/lib/auth/client';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '@/lib/auth/password-rules';
import { useT } from '@/lib/i18n/use-t';
import { AuthError } from './auth-error';
import { PasswordField } from './password-field';
import { TextField } from './text-field';

/** E-mail and password, for signing in or creating an account; calls `onSignedIn` on success. */
export function PasswordForm({ mode, onSignedIn }: { mode: 'sign-in' | 'sign-up'; onSignedIn: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure>();
  const signingUp = mode === 'sign-up';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server checks the same rules; checking first saves a round trip and an attempt.
    const problem = signingUp ? passwordProblem(password, { email }) : undefined;
    if (problem) {
      setFailure({ kind: 'weak_password', reason: problem });
      return;
    }
    setBusy(true);
    setFailure(undefined);
    const result = signingUp
      ? await signUp({ email, password, name: name.trim() || undefined })
      : await signInWithPassword(email, password);
    if (result.ok) {
      onSignedIn();
      return;
    }
    setBusy(false);
    setFailure(result.failure);
  };

  return (
    <form onSubmit={submit} className="space-y-4" data-testid={`${mode}-form`} noValidate={false}>
      {signingUp && (
        <TextField
          label={t('auth.name')}
          value={name}
          onValue={setName}
          autoComplete="name"
          maxLength={100}
          testId="login-name"
        />
      )}
      <TextField
        label={t('auth.email')}
        type="email"
        required
        autoComplete={signingUp ? 'email' : 'username'}
        inputMode="email"
        maxLength={254}
        value={email}
        onValue={setEmail}
        testId="login-email"
      />
      <PasswordField
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        hint={signingUp ? t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH }) : undefined}
        testId="login-password"
      />
      <AuthError failure={failure} testId="login-error" />
      <Button type="submit" variant="primary" className="h-10 w-full" disabled={busy} data-testid="login-submit">
        {busy ? t('auth.working') : signingUp ? t('auth.signUp') : t('auth.signIn')}
      </Button>
    </form>
  );
}
