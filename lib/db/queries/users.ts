import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, getTableColumns, isNull, ne, sql } from 'drizzle-orm';
import { type LimitOverrides, roleForNewAccount } from '@/lib/policy/roles';
import type { Database } from '../client';
import { type User, type UserRole, userSessions, users } from '../schema';

/** A user without the password hash: what leaves this module for anything but a password check. */
export type PublicUser = Omit<User, 'passwordHash'>;

const { passwordHash: _omitted, ...publicColumns } = getTableColumns(users);

/** Arbitrary, fixed: serialises "is this the first account?" across requests and instances. */
const FIRST_ACCOUNT_LOCK = 7_362_001_002;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUser(db: Database, id: string): Promise<PublicUser | undefined> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return user;
}

export async function getUserByEmail(db: Database, email: string): Promise<PublicUser | undefined> {
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user;
}

/** For the password check at sign-in only. */
export async function getCredentials(
  db: Database,
  email: string,
): Promise<Pick<User, 'id' | 'name' | 'email' | 'image' | 'role' | 'passwordHash' | 'disabledAt'> | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      image: users.image,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row;
}

export interface NewAccount {
  email?: string | null;
  name?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
  passwordHash?: string | null;
}

/**
 * Creates a (non-guest) account: the instance's first one, or one whose e-mail is in ADMIN_EMAILS,
 * is an admin. Returns undefined when the e-mail is taken. The advisory lock makes "first" hold
 * when two sign-ups race on an empty instance.
 */
export async function createAccount(
  db: Database,
  input: NewAccount,
  adminEmails: string | readonly string[],
): Promise<PublicUser | undefined> {
  const email = input.email ? normalizeEmail(input.email) : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`);
    const [existing] = await tx.select({ id: users.id }).from(users).where(ne(users.role, 'guest')).limit(1);
    const role = roleForNewAccount({ email, isFirstAccount: !existing, adminEmails });
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: input.name ?? null,
        image: input.image ?? null,
        emailVerified: input.emailVerified ?? null,
        passwordHash: input.passwordHash ?? null,
        role,
      })
      .onConflictDoNothing({ target: users.email })
      .returning(publicColumns);
    return row;
  });
}

/** A one-click guest: a real row with the guest role, no e-mail and no password. */
export async function createGuest(db: Database): Promise<PublicUser> {
  const [row] = await db
    .insert(users)
    .values({ name: `Guest ${randomBytes(3).toString('hex')}`, role: 'guest' })
    .returning(publicColumns);
  return row!;
}

export async function getPasswordHash(db: Database, userId: string): Promise<string | null | undefined> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ? row.passwordHash : undefined;
}

/** Sets a new password hash and ends every other session of the user, in one transaction. */
export async function setPassword(db: Database, userId: string, passwordHash: string, keepSessionId?: string) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx
      .delete(userSessions)
      .where(and(eq(userSessions.userId, userId), keepSessionId ? ne(userSessions.id, keepSessionId) : undefined));
  });
}

export interface UserUpdate {
  disabled?: boolean;
  role?: UserRole;
  /** Quota overrides over the role's defaults; `null` clears them. */
  limitOverrides?: LimitOverrides | null;
}

/** An admin's change to a user; disabling ends all of the user's sessions at once. */
export async function updateUser(db: Database, userId: string, change: UserUpdate): Promise<PublicUser | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.limitOverrides === undefined ? {} : { limitOverrides: emptyToNull(change.limitOverrides) }),
        ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? new Date() : null }),
      })
      .where(eq(users.id, userId))
      .returning(publicColumns);
    if (row && change.disabled) await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    return row;
  });
}

const emptyToNull = (overrides: LimitOverrides | null) =>
  overrides && Object.keys(overrides).length > 0 ? overrides : null;

/** Newest first, for the admin's user list. */
export async function listUsers(db: Database, options: { limit?: number } = {}): Promise<PublicUser[]> {
  return db
    .select(publicColumns)
    .from(users)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(options.limit ?? 200);
}
