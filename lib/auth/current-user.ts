import 'server-only';
import { getDb } from '@/lib/db/client';
import { getSessionUser, type SessionUser } from '@/lib/db/queries/sessions';
import { AppError } from '@/lib/errors';
import { readSessionClaims } from './session-token';

/** The signed-in caller: who, with which role, through which (revocable) session. */
export type CurrentUser = SessionUser;

/**
 * The user behind a request's session cookie, or null. Checks the cookie's encryption and expiry,
 * then reads the session row joined to its user (one primary-key lookup): a signed-out, expired or
 * foreign session, or a disabled user, is no user.
 */
export async function getCurrentUser(headers: Headers): Promise<CurrentUser | null> {
  const claims = await readSessionClaims(headers);
  if (!claims) return null;
  const user = await getSessionUser(await getDb(), claims.sid, claims.sub);
  return user ?? null;
}

/** The signed-in user, or `unauthorized:auth` (401). */
export async function requireUser(req: Pick<Request, 'headers'>): Promise<CurrentUser> {
  const user = await getCurrentUser(req.headers);
  if (!user) throw new AppError('unauthorized:auth');
  return user;
}
