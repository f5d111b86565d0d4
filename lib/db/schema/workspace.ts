import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { PlaygroundParams } from '@/lib/playground/state';

import type { ShareSnapshot } from '@/lib/transcript/comparison';
import { users } from './accounts';
import { bytea, oneOf, timestamptz } from './columns';
import { conversations } from './conversations';
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

export type Preset = typeof presets.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type Share = typeof shares.$inferSelect;
