import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import type { PublicUser } from '@/lib/db/queries/users';
import { createAccount, createGuest, getCredentials, getPasswordHash, setPassword } from '@/lib/db/queries/users';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getAuthLimiter } from '@/lib/policy';
import type { CurrentUser } from './current-user';
import {
  describePasswordProblem,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  verifyPassword,
} from './password';

/** Field bounds: e-mail per RFC 5321's path limit, names short enough for a menu. */
export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const nameSchema = z.string().trim().min(1).max(100);
export const passwordSchema = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

export const credentialsSchema = z.object({ email: emailSchema, password: passwordSchema });

export const signUpSchema = z
  .object({ email: emailSchema, password: passwordSchema, name: nameSchema.optional() })
  .strict();

export const changePasswordSchema = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict();

/** Sign-in refusals Auth.js reports as `?code=` (lib/auth/client.ts turns them into words). */
export type SignInRefusal = 'invalid_credentials' | 'disabled';

export type CredentialsResult = { ok: true; user: PublicUser } | { ok: false; refusal: SignInRefusal };

function assertStrongPassword(password: string, email?: string | null): void {
  const problem = passwordProblem(password, { email });
  if (problem) {
    throw new AppError('bad_request:auth', { message: describePasswordProblem(problem), details: { reason: problem } });
  }
}

/**
 * Creates a password account. The only refusal that depends on the database — the e-mail is taken —
 * answers with the same generic sentence as any other failure to create it, after the same password
 * hashing work, so the response does not confirm that someone has an account.
 */
export async function signUp(input: z.infer<typeof signUpSchema>, ip: string): Promise<PublicUser> {
  await getAuthLimiter().attempt({ action: 'sign-up', ip, account: input.email });
  assertStrongPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const name = input.name ?? input.email.split('@')[0]!;
  const user = await createAccount(await getDb(), { email: input.email, name, passwordHash }, env.ADMIN_EMAILS);
  if (!user) {
    throw new AppError('bad_request:auth', {
      message: 'Could not create an account with these details. If you already have one, sign in instead.',
      details: { reason: 'not_created' },
    });
  }
  return user;
}

/**
 * The password check behind the Credentials provider. An unknown e-mail, an account without a
 * password and a wrong password are one refusal, after the same hashing work. Rate limits are
 * checked before (lib/auth/route.ts), failures counted here.
 */
export async function checkCredentials(raw: unknown): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: 'invalid_credentials' };
  const { email, password } = parsed.data;
  const stored = await getCredentials(await getDb(), email);
  const valid = await verifyPassword(stored?.passwordHash, password);
  const limiter = getAuthLimiter();
  if (!stored || !valid) {
    await limiter.recordFailure({ account: email });
    return { ok: false, refusal: 'invalid_credentials' };
  }
  // Only someone who knows the password learns that the account is disabled.
  if (stored.disabledAt) return { ok: false, refusal: 'disabled' };
  await limiter.recordSuccess({ account: email });
  const { passwordHash: _hidden, ...user } = stored;
  return { ok: true, user: user as PublicUser };
}

/** A one-click guest account (its rate limit is checked before, in lib/auth/route.ts). */
export async function signUpGuest(): Promise<PublicUser> {
  return createGuest(await getDb());
}

/**
 * Changes the caller's password and signs out every other session of theirs. Wrong current
 * passwords count like failed sign-ins, so a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  user: CurrentUser,
  input: z.infer<typeof changePasswordSchema>,
  ip: string,
): Promise<void> {
  const db = await getDb();
  const limiter = getAuthLimiter();
  const account = user.email ?? user.id;
  await limiter.attempt({ action: 'sign-in', ip, account });
  const stored = await getPasswordHash(db, user.id);
  if (!stored) {
    throw new AppError('bad_request:auth', {
      message: 'This account signs in without a password.',
      details: { reason: 'no_password' },
    });
  }
  if (!(await verifyPassword(stored, input.currentPassword))) {
    await limiter.recordFailure({ account });
    throw new AppError('bad_request:auth', {
      message: 'The current password is not correct.',
      details: { reason: 'wrong_password' },
    });
  }
  assertStrongPassword(input.newPassword, user.email);
  await setPassword(db, user.id, await hashPassword(input.newPassword), user.sessionId);
}
