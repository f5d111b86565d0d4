import { changePassword, changePasswordSchema } from '@/lib/auth/accounts';
import { handler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';

/** POST /api/account/password — change the password; every other session of the user ends. */
export const POST = handler(
  { surface: 'auth', route: 'settings', body: changePasswordSchema, maxBodyBytes: 4096 },
  async ({ req, user, body }) => {
    await changePassword(user, body, requestIp(req));
    return new Response(null, { status: 204 });
  },
);
