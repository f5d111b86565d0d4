import { handler } from '@/lib/http/handler';

/** GET /api/account — who is signed in (the user menu). */
export const GET = handler({ surface: 'auth', route: 'settings' }, ({ user }) =>
  Response.json({
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      image: user.image,
      role: user.role,
      hasPassword: user.hasPassword,
    },
  }),
);
