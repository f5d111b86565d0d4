import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { LimitOverrides } from '@/lib/policy/roles';
import type { Database } from '../client';
import type { UserRole } from '../schema';
import { type UserSession, userSessions, users } from '../schema';

/** What every authenticated request knows about its caller, from one indexed read. */
export interface SessionUser {
  sessionId: string;
  id: string;
  role: UserRole;
  name: string | null;
  email: string | null;
  image: string | null;
  /** false for guests and accounts that only sign in through GitHub/OIDC */
  hasPassword: boolean;
  /** An admin's quota overrides, read here so admission needs no query of its own. */
  limitOverrides: LimitOverrides | null;
}

/** 256-bit random id; it travels inside the encrypted session cookie only. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(
  db: Database,
  userId: string,
  expiresAt: Date,
  id: string = newSessionId(),
): Promise<UserSession> {
  const [row] = await db.insert(userSessions).values({ id, userId, expiresAt }).returning();
  return row!;
}

/**
 * The session's user, or undefined when the session was deleted (signed out), has expired, belongs
 * to someone else than `userId` or its user is disabled. This sits on every request's path: one
 * primary-key lookup joined to the user row.
 */
export async function getSessionUser(
  db: Database,
  sessionId: string,
  userId: string,
  now: Date = new Date(),
): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({
      sessionId: userSessions.id,
      id: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      image: users.image,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      limitOverrides: users.limitOverrides,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        gt(userSessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

/** Sign-out. Returns whether a row was deleted. */
export async function deleteSession(db: Database, sessionId: string): Promise<boolean> {
  const rows = await db.delete(userSessions).where(eq(userSessions.id, sessionId)).returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Ends every session of a user (disabled, password changed), optionally but one. */
export async function deleteUserSessions(db: Database, userId: string, options: { except?: string } = {}) {
  const rows = await db
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), options.except ? ne(userSessions.id, options.except) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}

/** Housekeeping (at each sign-in, for that user): expired rows are already refused, this frees the space. */
export async function deleteExpiredSessions(
  db: Database,
  options: { userId?: string; now?: Date } = {},
): Promise<number> {
  const rows = await db
    .delete(userSessions)
    .where(
      and(
        lt(userSessions.expiresAt, options.now ?? new Date()),
        options.userId ? eq(userSessions.userId, options.userId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}
