import { getDb } from '@/lib/db/client';
import { listUsers } from '@/lib/db/queries/users';
import { handler } from '@/lib/http/handler';

/** GET /api/admin/users — every account, newest first (admins only). */
export const GET = handler({ surface: 'auth', route: 'admin' }, async () => {
  const users = await listUsers(await getDb());
  return Response.json({ users });
});
