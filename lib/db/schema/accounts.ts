import type { AdapterAccountType } from '@auth/core/adapters';
import { check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { LimitOverrides } from '@/lib/policy/roles';

import { oneOf, timestamptz } from './columns';
export const userRoles = ['admin', 'user', 'guest'] as const;
export type UserRole = (typeof userRoles)[number];

/** Keys id/name/email/emailVerified/image have the types the Auth.js Drizzle adapter's users table requires. */
export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').unique(),
    emailVerified: timestamptz('email_verified'),
    image: text('image'),
    role: text('role', { enum: userRoles }).notNull().default('user'),
    passwordHash: text('password_hash'),
    disabledAt: timestamptz('disabled_at'),
    /** An admin's per-user quota overrides over the role's defaults (validated by `limitOverridesSchema`). */
    limitOverrides: jsonb('limit_overrides').$type<LimitOverrides>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [check('users_role_check', oneOf(table.role, userRoles))],
);

/** Sign-in methods linked to a user (GitHub, OIDC); the shape the Auth.js Drizzle adapter requires. */
export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<AdapterAccountType>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (table) => [
    primaryKey({ name: 'accounts_pk', columns: [table.provider, table.providerAccountId] }),
    index('accounts_user_idx').on(table.userId),
  ],
);

/** Auth.js e-mail verification tokens (kept for the adapter; no e-mail provider is configured yet). */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamptz('expires').notNull(),
  },
  (table) => [primaryKey({ name: 'verification_tokens_pk', columns: [table.identifier, table.token] })],
);

/**
 * Server-side half of a session. The session cookie is an Auth.js JWT whose `sid` names one row;
 * every request looks the row up (by primary key, joined to its user), so deleting it — sign-out,
 * a password change, an admin disabling the user — ends the session at once, JWT or not.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (table) => [index('user_sessions_user_idx').on(table.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserSession = typeof userSessions.$inferSelect;
