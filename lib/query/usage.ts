import { queryOptions } from '@tanstack/react-query';
import type { UserUsageRow } from '@/lib/db/queries/usage';
import type { PublicUser } from '@/lib/db/queries/users';
import type { LimitOverrides } from '@/lib/policy/roles';
import type { UsageReport } from '@/lib/usage/report';
import { apiFetch } from './api';

/** The signed-in user's usage and limits (`/usage`). */
export function usageQueryOptions() {
  return queryOptions({
    queryKey: ['usage'] as const,
    queryFn: ({ signal }) => apiFetch<UsageReport>('/api/usage', { signal }),
    staleTime: 15_000,
  });
}

/** A user as the admin page shows them: the account and today's / this month's usage. */
export type AdminUser = Omit<PublicUser, 'createdAt' | 'disabledAt' | 'emailVerified'> & {
  disabledAt: string | null;
  usage?: UserUsageRow;
};

export function adminUsersQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'users'] as const,
    queryFn: async ({ signal }): Promise<AdminUser[]> => {
      const [{ users }, { users: usage }] = await Promise.all([
        apiFetch<{ users: AdminUser[] }>('/api/admin/users', { signal }),
        apiFetch<{ users: UserUsageRow[] }>('/api/admin/usage', { signal }),
      ]);
      const byId = new Map(usage.map((row) => [row.userId, row]));
      return users.map((user) => ({ ...user, usage: byId.get(user.id) }));
    },
  });
}

export interface AdminUserChange {
  role?: 'admin' | 'user';
  disabled?: boolean;
  limitOverrides?: LimitOverrides | null;
}

export function updateAdminUser(id: string, change: AdminUserChange) {
  return apiFetch<{ user: AdminUser }>(`/api/admin/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(change),
  });
}
