import type { AdapterAccountType } from '@auth/core/adapters';
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ChatMessage, ChatMetadata, MessageStatus, MessageUsage } from '@/lib/chat/types';
import type { ComparisonPane, VotedConfig } from '@/lib/compare/types';
import type { GenerationParams } from '@/lib/models';
import type { PlaygroundParams } from '@/lib/playground/state';
import type { LimitOverrides } from '@/lib/policy/roles';

import type { ShareSnapshot } from '@/lib/transcript/comparison';

/**
 * One schema for PGlite and Postgres. Timestamps are stored with millisecond precision so a
 * JS `Date` read back equals the stored value exactly — the conversation list's keyset cursor
 * depends on that (a microsecond `now()` would make `updated_at = cursor` never match).
 */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** The enum lists live in TypeScript; the CHECK keeps rows written by hand honest too. */
const oneOf = (column: PgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((value) => sql.raw(`'${value}'`)),
    sql`, `,
  )})`;

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

export const titleSources = ['auto', 'user'] as const;
export type TitleSource = (typeof titleSources)[number];

export const conversations = pgTable(
  'conversations',
  {
    /** The context id the browser sends with every turn. */
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    titleSource: text('title_source', { enum: titleSources }).notNull().default('auto'),
    model: text('model').notNull(),
    params: jsonb('params').$type<GenerationParams>().notNull().default({}),
    systemPrompt: text('system_prompt'),
    /** Set for a comparison's pane: hidden from the conversation list, deleted with its comparison. */
    comparisonId: text('comparison_id').references((): AnyPgColumn => comparisons.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** Last activity (a message written or removed); orders the conversation list. */
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('conversations_owner_updated_idx').on(table.ownerId, table.updatedAt.desc(), table.id.desc()),
    // Target of messages' (conversation_id, owner_id) foreign key.
    unique('conversations_id_owner_unique').on(table.id, table.ownerId),
    check('conversations_title_source_check', oneOf(table.titleSource, titleSources)),
    index('conversations_comparison_idx').on(table.comparisonId),
  ],
);

/** A prompt fanned out to 2–4 panes; each pane is a conversation (`conversations.comparison_id`). */
export const comparisons = pgTable(
  'comparisons',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Model names are hidden until the first vote. */
    blind: boolean('blind').notNull().default(false),
    /** In display order; each names its conversation (validated by `comparisonPanesSchema`). */
    panes: jsonb('panes').$type<ComparisonPane[]>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [index('comparisons_owner_updated_idx').on(table.ownerId, table.updatedAt.desc(), table.id.desc())],
);

export const voteOutcomes = ['win', 'tie', 'bad'] as const;
export type VoteOutcome = (typeof voteOutcomes)[number];

/** One verdict on one turn of a comparison; the leaderboard is computed from these rows. */
export const comparisonVotes = pgTable(
  'comparison_votes',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    comparisonId: text('comparison_id')
      .notNull()
      .references(() => comparisons.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 1-based: the n-th question of the comparison. */
    turn: integer('turn').notNull(),
    outcome: text('outcome', { enum: voteOutcomes }).notNull(),
    /** Index into `configs` of the best answer when `outcome` is `win`. */
    winner: integer('winner'),
    /** Each pane's configuration when the vote was cast, in pane order. */
    configs: jsonb('configs').$type<VotedConfig[]>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('comparison_votes_turn_idx').on(table.comparisonId, table.turn),
    index('comparison_votes_created_idx').on(table.createdAt),
    check('comparison_votes_outcome_check', oneOf(table.outcome, voteOutcomes)),
    check(
      'comparison_votes_winner_check',
      sql`(${table.outcome} = 'win') = (${table.winner} is not null) and ${table.turn} >= 1`,
    ),
  ],
);

export const messageRoles = ['user', 'assistant', 'system'] as const satisfies readonly ChatMessage['role'][];
export const messageStatuses = ['complete', 'interrupted', 'error'] as const satisfies readonly MessageStatus[];

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    /**
     * Denormalised owner so every message query filters by owner without a join; the composite
     * foreign key below makes it impossible for it to differ from the conversation's owner.
     */
    ownerId: text('owner_id').notNull(),
    /** The message this one follows; unused until branching lands. */
    parentId: text('parent_id'),
    position: integer('position').notNull(),
    role: text('role', { enum: messageRoles }).notNull(),
    parts: jsonb('parts').$type<ChatMessage['parts']>().notNull(),
    metadata: jsonb('metadata').$type<ChatMetadata>().notNull().default({}),
    status: text('status', { enum: messageStatuses }).notNull().default('complete'),
    model: text('model'),
    usage: jsonb('usage').$type<MessageUsage>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('messages_conversation_position_idx').on(table.conversationId, table.position),
    foreignKey({
      name: 'messages_conversation_owner_fk',
      columns: [table.conversationId, table.ownerId],
      foreignColumns: [conversations.id, conversations.ownerId],
    }).onDelete('cascade'),
    check('messages_role_check', oneOf(table.role, messageRoles)),
    check('messages_status_check', oneOf(table.status, messageStatuses)),
    check('messages_position_check', sql`${table.position} >= 0`),
  ],
);

/**
 * Append-only accounting: one row per answer (complete, interrupted or failed). The conversation id
 * has no foreign key on purpose — deleting a conversation must not erase what it cost.
 */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id'),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    cacheHitTokens: integer('cache_hit_tokens').notNull().default(0),
    cacheMissTokens: integer('cache_miss_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    reasoningTokens: integer('reasoning_tokens').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    costAmount: doublePrecision('cost_amount').notNull().default(0),
    costCurrency: text('cost_currency').notNull().default('USD'),
    status: text('status', { enum: messageStatuses }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('usage_events_user_created_idx').on(table.userId, table.createdAt),
    index('usage_events_created_idx').on(table.createdAt),
    check('usage_events_status_check', oneOf(table.status, messageStatuses)),
  ],
);

/** Named playground parameter sets of one user (the built-in ones live in code, not here). */
export const presets = pgTable(
  'presets',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    params: jsonb('params').$type<PlaygroundParams>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [unique('presets_owner_name_unique').on(table.ownerId, table.name)],
);

/** Raw bytes. PGlite returns Uint8Array and node-postgres a Buffer; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => value,
});

export const attachmentStorages = ['database', 'filesystem'] as const;
export type AttachmentStorage = (typeof attachmentStorages)[number];

/**
 * Images users uploaded, already validated and re-encoded (metadata stripped). An upload belongs to
 * no conversation until a message that carries it is sent; deleting that conversation deletes the
 * row by cascade (and lib/attachments removes the file when the bytes live in the data directory).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id'),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    /** The name the browser gave the file (display only; never used as a path). */
    filename: text('filename'),
    storage: text('storage', { enum: attachmentStorages }).notNull(),
    /** The bytes when `storage` is `database`. */
    data: bytea('data'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('attachments_owner_created_idx').on(table.ownerId, table.createdAt),
    index('attachments_conversation_idx').on(table.conversationId),
    // MATCH SIMPLE: a row without a conversation (not yet sent) is not checked.
    foreignKey({
      name: 'attachments_conversation_owner_fk',
      columns: [table.conversationId, table.ownerId],
      foreignColumns: [conversations.id, conversations.ownerId],
    }).onDelete('cascade'),
    check('attachments_storage_check', oneOf(table.storage, attachmentStorages)),
    check('attachments_byte_size_check', sql`${table.byteSize} >= 0`),
  ],
);

export const shareKinds = ['conversation', 'comparison'] as const;
export type ShareKind = (typeof shareKinds)[number];

/**
 * Public read-only links to a conversation (or a comparison) as it was when shared (or last updated). The token is
 * looked up by its SHA-256 and kept otherwise only sealed (AES-GCM under a key derived from
 * AUTH_SECRET): a leaked database or backup alone does not hand out working links, while the owner
 * can still copy a link later. The snapshot is a copy, so later messages, edits or
 * deleting the conversation do not change what the link shows; `conversation_id` has no foreign key
 * for that reason (the owner's list says when the source is gone).
 */
export const shares = pgTable(
  'shares',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: shareKinds }).notNull().default('conversation'),
    /** The source of a `conversation` share; null for a comparison share. */
    conversationId: text('conversation_id'),
    /** The source of a `comparison` share (no foreign key either); null for a conversation share. */
    comparisonId: text('comparison_id'),
    tokenHash: text('token_hash').notNull(),
    /** The token sealed with a key derived from AUTH_SECRET, so the owner's list can copy the link again. */
    tokenSealed: text('token_sealed'),
    /** A `Transcript` for a conversation share, a `ComparisonSnapshot` for a comparison share. */
    snapshot: jsonb('snapshot').$type<ShareSnapshot>().notNull(),
    includeReasoning: boolean('include_reasoning').notNull().default(false),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    viewCount: integer('view_count').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('shares_token_hash_idx').on(table.tokenHash),
    index('shares_owner_created_idx').on(table.ownerId, table.createdAt.desc()),
    check('shares_kind_check', oneOf(table.kind, shareKinds)),
    check(
      'shares_source_check',
      sql`(${table.kind} = 'conversation') = (${table.conversationId} is not null) and (${table.kind} = 'comparison') = (${table.comparisonId} is not null)`,
    ),
  ],
);

export const auditStatuses = ['complete', 'interrupted', 'error', 'rejected'] as const;
export type AuditStatus = (typeof auditStatuses)[number];
export const cacheStatuses = ['HIT', 'MISS', 'BYPASS'] as const;
export type CacheStatus = (typeof cacheStatuses)[number];

/**
 * One row per model request (lib/gateway/audit.ts). No foreign key on the user: the record of who
 * did what outlives the account. The prompt is kept only as an HMAC unless configured otherwise.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    requestId: text('request_id').notNull(),
    userId: text('user_id'),
    userEmail: text('user_email'),
    clientIp: text('client_ip').notNull(),
    route: text('route').notNull(),
    model: text('model'),
    promptHash: text('prompt_hash'),
    promptText: text('prompt_text'),
    inputTokens: integer('input_tokens').notNull().default(0),
    cacheHitTokens: integer('cache_hit_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    reasoningTokens: integer('reasoning_tokens').notNull().default(0),
    status: text('status', { enum: auditStatuses }).notNull(),
    httpStatus: integer('http_status').notNull(),
    errorCode: text('error_code'),
    upstreamStatus: integer('upstream_status'),
    retries: integer('retries').notNull().default(0),
    cacheStatus: text('cache_status', { enum: cacheStatuses }).notNull().default('BYPASS'),
    redactions: integer('redactions').notNull().default(0),
    flagged: boolean('flagged').notNull().default(false),
    ttftMs: integer('ttft_ms'),
    durationMs: integer('duration_ms').notNull().default(0),
  },
  (table) => [
    index('audit_events_created_idx').on(table.createdAt),
    index('audit_events_user_created_idx').on(table.userId, table.createdAt),
    check('audit_events_status_check', oneOf(table.status, auditStatuses)),
    check('audit_events_cache_status_check', oneOf(table.cacheStatus, cacheStatuses)),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export type User = typeof users.$inferSelect;
export type Preset = typeof presets.$inferSelect;
export type UsageEvent = typeof usageEvents.$inferSelect;
export type NewUsageEvent = typeof usageEvents.$inferInsert;
export type NewUser = typeof users.$inferInsert;
export type UserSession = typeof userSessions.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type Comparison = typeof comparisons.$inferSelect;
export type ComparisonVote = typeof comparisonVotes.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type Share = typeof shares.$inferSelect;
