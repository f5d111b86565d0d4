import { getDb } from '@/lib/db/client';
import { listUsageByUser } from '@/lib/db/queries/usage';
import { handler } from '@/lib/http/handler';

/** GET /api/admin/usage — every user's tokens and cost today and this month (admins only). */
export const GET = handler({ surface: 'auth', route: 'admin' }, async () => {
  const users = await listUsageByUser(await getDb());
  return Response.json({ users });
});
