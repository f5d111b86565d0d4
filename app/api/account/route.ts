import { toAccount } from '@/lib/auth/account';
import { handler } from '@/lib/http/handler';

/** GET /api/account — who is signed in. */
export const GET = handler({ surface: 'auth', route: 'settings' }, ({ user }) =>
  Response.json({ user: toAccount(user) }),
);
