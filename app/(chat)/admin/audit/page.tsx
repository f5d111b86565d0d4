import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { AuditView } from '@/components/admin/audit-view';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy/roles';

/** `/admin/audit`: the audit log and the circuit breakers (admins only). */
export default async function AdminAuditPage() {
  const user = await getCurrentUser(await headers());
  if (!user || !can(user.role, 'admin')) notFound();
  return <AuditView />;
}
