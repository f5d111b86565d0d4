import 'server-only';
import { decode, encode, type JWT } from '@auth/core/jwt';
import { env, secureCookies } from '@/lib/env';
import { authSecret } from './secret';

/**
 * The session cookie is Auth.js's own: an encrypted JWT (JWE, key derived from AUTH_SECRET with the
 * cookie name as salt) that Auth.js writes at sign-in. Besides `sub` (the user id) it carries
 * `sid`, the id of the server-side `user_sessions` row that makes the session revocable.
 */

export interface SessionClaims {
  sub: string;
  sid: string;
}

declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
    role?: string;
  }
}

export const sessionMaxAgeSeconds = () => env.AUTH_SESSION_DAYS * 86_400;

/** `__Secure-authjs.session-token` with Secure cookies, else `authjs.session-token` — as Auth.js names it. */
export function sessionCookieName(secure: boolean = secureCookies()): string {
  return `${secure ? '__Secure-' : ''}authjs.session-token`;
}

/** A cookie's value; Auth.js splits values over 4 kB into `name.0`, `name.1`, … */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  const jar = new Map<string, string>();
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const key = pair.slice(0, at).trim();
    if (key === name || key.startsWith(`${name}.`)) jar.set(key, pair.slice(at + 1).trim());
  }
  const whole = jar.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join('') : undefined;
}

/** The session cookie's claims, or null when absent, forged, expired or not one of ours. */
export async function readSessionClaims(headers: Headers): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  const token = readCookie(headers.get('cookie'), name);
  if (!token || token.length > 16_384) return null;
  try {
    const payload = await decode({ token, secret: authSecret(), salt: name });
    if (typeof payload?.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { sub: payload.sub, sid: payload.sid };
  } catch {
    return null;
  }
}

/** Encodes a session cookie value exactly as Auth.js does (tests and scripts mint sessions with it). */
export function encodeSessionToken(claims: SessionClaims & Partial<JWT>, maxAge = sessionMaxAgeSeconds()) {
  return encode({ token: claims, secret: authSecret(), salt: sessionCookieName(), maxAge });
}
