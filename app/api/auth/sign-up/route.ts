import { signUp, signUpSchema } from '@/lib/auth/accounts';
import { publicHandler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';

/**
 * POST /api/auth/sign-up — creates a password account; the browser then signs in through Auth.js
 * (POST /api/auth/callback/credentials). Rate-limited per client address and per e-mail.
 */
export const POST = publicHandler(
  { surface: 'auth', body: signUpSchema, maxBodyBytes: 4096 },
  async ({ req, body }) => {
    const user = await signUp(body, requestIp(req));
    return Response.json(
      { user: { id: user.id, name: user.name, email: user.email, role: user.role } },
      { status: 201 },
    );
  },
);
