import 'server-only';
import type { Adapter, AdapterUser } from '@auth/core/adapters';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { getDb } from '@/lib/db/client';
import { createAccount, normalizeEmail } from '@/lib/db/queries/users';
import { accounts, users, verificationTokens } from '@/lib/db/schema';
import { env } from '@/lib/env';

type Method = keyof Adapter;

/**
 * The Auth.js Drizzle adapter over our tables, for GitHub/OIDC sign-ins (users and linked
 * accounts; sessions are JWT + `user_sessions`, not the adapter's). The database opens (and
 * migrates) on first use, so the adapter resolves it per call. New users go through
 * `createAccount`, which decides the role; no password hash ever leaves through the adapter.
 */
export function studioAdapter(): Adapter {
  const base = async () =>
    DrizzleAdapter(await getDb(), {
      usersTable: users,
      accountsTable: accounts,
      verificationTokensTable: verificationTokens,
    });
  const delegate =
    <M extends Method>(method: M) =>
    async (...args: unknown[]) => {
      const adapter = await base();
      const fn = adapter[method] as unknown as (...a: unknown[]) => Promise<unknown>;
      return withoutPassword(await fn(...args));
    };

  return {
    getUser: delegate('getUser'),
    getUserByAccount: delegate('getUserByAccount'),
    updateUser: delegate('updateUser'),
    linkAccount: delegate('linkAccount'),
    unlinkAccount: delegate('unlinkAccount'),
    getAccount: delegate('getAccount'),
    createVerificationToken: delegate('createVerificationToken'),
    useVerificationToken: delegate('useVerificationToken'),
    async getUserByEmail(email) {
      return (await delegate('getUserByEmail')(normalizeEmail(email))) as AdapterUser | null;
    },
    async createUser(user) {
      const created = await createAccount(
        await getDb(),
        { email: user.email, name: user.name, image: user.image, emailVerified: user.emailVerified },
        env.ADMIN_EMAILS,
      );
      if (!created) throw new Error('an account with this e-mail was created at the same moment');
      return created as AdapterUser;
    },
  } as Adapter;
}

function withoutPassword<T>(value: T): T {
  if (value && typeof value === 'object' && 'passwordHash' in value) {
    const { passwordHash: _hidden, ...rest } = value as Record<string, unknown>;
    return rest as T;
  }
  return value;
}
