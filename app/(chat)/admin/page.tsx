import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { AdminUsersView } from '@/components/admin/admin-users-view';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy/roles';

/** The API refuses non-admins anyway; the page itself is not shown to them either. */
export default async function AdminPage() {
  const user = await getCurrentUser(await headers());
  if (!user || !can(user.role, 'admin')) notFound();
  return <AdminUsersView currentUserId={user.id} />;
}
