import { type NextRequest, NextResponse } from 'next/server';
import { readSessionClaims } from '@/lib/auth/session-token';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';

/**
 * Pages only (API routes check sessions themselves, in lib/http/handler.ts). Two jobs:
 *
 * - the page's Content-Security-Policy with a fresh script nonce, which Next reads from the
 *   request header and puts on its own scripts;
 * - a signed-out visitor is sent to /login. This looks only at the cookie's signature and expiry;
 *   pages and routes still check the session row themselves (a signed-out cookie passes here).
 */
const publicPages = [/^\/login(?:\/|$)/, /^\/share\//];
/** A share's image route sets its own sandboxing CSP (see lib/attachments imageResponse). */
const shareImage = /^\/share\/[^/]+\/images\/[^/]+$/;

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === 'development' });
  const { pathname, search } = request.nextUrl;
  if (shareImage.test(pathname)) return NextResponse.next();

  if (!publicPages.some((pattern) => pattern.test(pathname)) && !(await readSessionClaims(request.headers))) {
    const login = request.nextUrl.clone();
    login.pathname = '/login';
    login.search = '';
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set('content-security-policy', policy);
    return redirect;
  }

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Everything but API routes and build assets.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|svg|ico|webp|woff2?)$).*)'],
};
