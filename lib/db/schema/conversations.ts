import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
import type { ChatMessage, ChatMetadata, MessageStatus, MessageUsage } from '@/lib/chat/types';
import type { ComparisonPane, VotedConfig } from '@/lib/compare/types';
import type { GenerationParams } from '@/lib/models';
import { users } from './accounts';
import { oneOf, timestamptz } from './columns';
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

export type Conversation = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type Comparison = typeof comparisons.$inferSelect;
export type ComparisonVote = typeof comparisonVotes.$inferSelect;
