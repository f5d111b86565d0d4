'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { type AuthFailure, changePassword } from '@/lib/auth/client';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '@/lib/auth/password-rules';
import { useT } from '@/lib/i18n/use-t';
import { AuthError } from './auth-error';
import { PasswordField } from './password-field';

/** Current and new password; on success every other session of the user is signed out. */
export function ChangePasswordDialog({
  open,
  onClose,
  email,
}: {
  open: boolean;
  onClose: () => void;
  email: string | null;
}) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AuthFailure>();
  const [done, setDone] = useState(false);

  const close = () => {
    setCurrent('');
    setNext('');
    setFailure(undefined);
    setDone(false);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(next, { email });
    if (problem) return setFailure({ kind: 'weak_password', reason: problem });
    setBusy(true);
    setFailure(undefined);
    const result = await changePassword(current, next);
    setBusy(false);
    if (result.ok) setDone(true);
    else setFailure(result.failure);
  };

  return (
    <Dialog open={open} onClose={close} title={t('account.changePassword')} testId="change-password-dialog">
      {done ? (
        <div className="space-y-4">
          <p className="text-sm text-ink-muted" role="status" data-testid="change-password-done">
            {t('account.passwordChanged')}
          </p>
          <div className="flex justify-end">
            <Button variant="primary" onClick={close}>
              {t('account.close')}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <PasswordField
            label={t('account.currentPassword')}
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
            testId="current-password"
          />
          <PasswordField
            label={t('account.newPassword')}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
            hint={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            testId="new-password"
          />
          <AuthError failure={failure} testId="change-password-error" />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={close}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={busy} data-testid="change-password-submit">
              {busy ? t('auth.working') : t('account.save')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
