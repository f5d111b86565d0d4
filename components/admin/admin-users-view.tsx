'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { formatCost, formatTokens } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { type AdminUser, type AdminUserChange, adminUsersQueryOptions, updateAdminUser } from '@/lib/query/usage';
import { AdminTabs } from './admin-tabs';
import { LimitsForm } from './limits-form';

/** `/admin`: every account with today's usage; role, quotas and disable per user. */
export function AdminUsersView({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const { data, isPending, isError } = useQuery(adminUsersQueryOptions());
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8 sm:px-6" data-testid="admin-page">
      <AdminTabs />
      <h1 className="text-xl font-semibold">{t('admin.title')}</h1>
      {isPending && <p className="text-sm text-ink-muted">{t('sidebar.loading')}</p>}
      {isError && <p className="text-sm text-danger">{t('errors.default')}</p>}
      {data && (
        <ul className="divide-y divide-line rounded-xl border border-line">
          {data.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </ul>
      )}
    </div>
  );
}

function UserRow({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const mutation = useMutation({
    mutationFn: (change: AdminUserChange) => updateAdminUser(user.id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersQueryOptions().queryKey }),
  });
  const label = user.email ?? user.name ?? user.id;
  const today = user.usage?.today;

  return (
    <li className="space-y-3 px-4 py-3" data-testid="admin-user-row" data-email={user.email ?? ''}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="w-full min-w-0 sm:w-auto sm:flex-1">
          <p className="flex min-w-0 items-baseline gap-1.5 text-sm font-medium">
            <span className="truncate" title={label}>
              {label}
            </span>
            {isSelf && (
              <span className="shrink-0 text-xs font-normal text-ink-muted" data-testid="admin-user-self">
                ({t('admin.you')})
              </span>
            )}
          </p>
          <p className="text-xs text-ink-muted tabular-nums" data-testid="admin-user-today">
            {t('admin.today', {
              tokens: formatTokens(today?.totalTokens ?? 0, language),
              cost: formatCost(today?.costAmount ?? 0, user.usage?.costCurrency ?? 'USD', language),
            })}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-ink-muted">{t('admin.role')}</span>
          <select
            aria-label={t('admin.roleFor', { user: label })}
            data-testid="admin-role-select"
            value={user.role}
            disabled={isSelf || user.role === 'guest' || mutation.isPending}
            onChange={(event) => mutation.mutate({ role: event.target.value as 'admin' | 'user' })}
            className="rounded-lg border border-line bg-surface px-2 py-1 text-sm"
          >
            {user.role === 'guest' && <option value="guest">{t('account.role.guest')}</option>}
            <option value="user">{t('account.role.user')}</option>
            <option value="admin">{t('account.role.admin')}</option>
          </select>
        </label>
        <label className={cn('flex items-center gap-2 text-sm', isSelf && 'text-ink-muted')}>
          <input
            type="checkbox"
            data-testid="admin-disabled-toggle"
            checked={user.disabledAt !== null}
            disabled={isSelf || mutation.isPending}
            onChange={(event) => mutation.mutate({ disabled: event.target.checked })}
          />
          {t('admin.disabled')}
        </label>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setEditing((open) => !open)}
          data-testid="admin-edit-limits"
          data-overridden={user.limitOverrides ? 'true' : 'false'}
          aria-expanded={editing}
        >
          {t('admin.limits')}
          {user.limitOverrides ? ' •' : ''}
        </Button>
      </div>
      {mutation.isError && (
        <p role="alert" className="text-xs text-danger">
          {t('admin.saveFailed')}
        </p>
      )}
      {editing && (
        <LimitsForm
          overrides={user.limitOverrides}
          pending={mutation.isPending}
          onSave={(limitOverrides) => mutation.mutate({ limitOverrides }, { onSuccess: () => setEditing(false) })}
        />
      )}
    </li>
  );
}
