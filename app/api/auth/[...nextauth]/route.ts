import { authGet, authPost } from '@/lib/auth/route';

/** Auth.js: sign-in callbacks (password, guest, GitHub, OIDC), sign-out, CSRF token, session. */
export const GET = authGet;
export const POST = authPost;
