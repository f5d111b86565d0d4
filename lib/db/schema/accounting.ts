import { boolean, check, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { oneOf, timestamptz } from './columns';
import { messageStatuses } from './conversations';
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
export type UsageEvent = typeof usageEvents.$inferSelect;
export type NewUsageEvent = typeof usageEvents.$inferInsert;
