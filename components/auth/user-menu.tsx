'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ChevronDownIcon, KeyIcon, LinkIcon, SignOutIcon, SparkIcon, UserIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import type { Account } from '@/lib/auth/account';
import { signOut } from '@/lib/auth/client';
import { useT } from '@/lib/i18n/use-t';
import { LazyChangePasswordDialog } from './lazy-change-password-dialog';
import { RoleBadge } from './role-badge';

function initialOf(account: Account): string {
  const source = account.name?.trim() || account.email || '?';
  return [...source][0]!.toUpperCase();
}

/** Who is signed in (sidebar foot): name, e-mail, role; change password and sign out. */
export function UserMenu({ account }: { account: Account }) {
  const t = useT();
  const router = useRouter();
  const [changing, setChanging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const displayName = account.name?.trim() || account.email || t(`account.role.${account.role}`);
  const roleLabel = t(`account.role.${account.role}`);

  const leave = async () => {
    setLeaving(true);
    await signOut();
    // Whatever the answer, the page must not keep showing this user's data.
    window.location.assign('/login');
  };

  return (
    <>
      <Popover
        align="start"
        testId="user-menu"
        rootClassName="w-full"
        className="bottom-full top-auto mb-1.5 mt-0 w-full origin-bottom"
        trigger={(props) => (
          <button
            type="button"
            {...props}
            aria-label={`${t('account.menu')}: ${displayName}`}
            data-testid="user-menu-button"
            className="flex w-full items-center gap-2.5 rounded-xl px-2 py-2 text-left transition-colors hover:bg-ink/[0.06] focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
          >
            <span
              aria-hidden="true"
              className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-accent/15 text-sm font-semibold text-accent"
            >
              {initialOf(account)}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium" data-testid="user-menu-name">
                {displayName}
              </span>
              <span className="mt-0.5 flex items-center gap-1.5">
                <RoleBadge role={account.role} label={roleLabel} />
              </span>
            </span>
            <ChevronDownIcon size={16} className="shrink-0 rotate-180 text-ink-faint" />
          </button>
        )}
      >
        {(close) => (
          <>
            <div className="px-2.5 pb-2 pt-1.5">
              <p className="truncate text-sm font-medium">{displayName}</p>
              {account.email && (
                <p className="truncate text-xs text-ink-muted" data-testid="user-menu-email">
                  {account.email}
                </p>
              )}
            </div>
            <hr className="mx-2 mb-1 border-line" />
            <MenuItem
              testId="menu-usage"
              onSelect={() => {
                close();
                router.push('/usage');
              }}
            >
              <SparkIcon size={16} className="text-ink-muted" />
              {t('account.usage')}
            </MenuItem>
            {account.role !== 'guest' && (
              <MenuItem
                testId="menu-shares"
                onSelect={() => {
                  close();
                  router.push('/shares');
                }}
              >
                <LinkIcon size={16} className="text-ink-muted" />
                {t('shares.menu')}
              </MenuItem>
            )}
            {account.role === 'admin' && (
              <MenuItem
                testId="menu-admin"
                onSelect={() => {
                  close();
                  router.push('/admin');
                }}
              >
                <UserIcon size={16} className="text-ink-muted" />
                {t('account.admin')}
              </MenuItem>
            )}
            {account.hasPassword && (
              <MenuItem
                testId="change-password"
                onSelect={() => {
                  close();
                  setChanging(true);
                }}
              >
                <KeyIcon size={16} className="text-ink-muted" />
                {t('account.changePassword')}
              </MenuItem>
            )}
            <MenuItem testId="sign-out" onSelect={leave} danger>
              <SignOutIcon size={16} />
              {leaving ? t('auth.working') : t('account.signOut')}
            </MenuItem>
          </>
        )}
      </Popover>
      <LazyChangePasswordDialog open={changing} onClose={() => setChanging(false)} email={account.email} />
    </>
  );
}
