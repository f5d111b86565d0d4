import 'server-only';
import { and, asc, desc, eq, gt, gte, sql } from 'drizzle-orm';
import type { ChatMessage, MessageStatus, MessageUsage } from '@/lib/chat/types';
import { AppError } from '@/lib/errors';
import type { Database, Transaction } from '../client';
import { conversations, type MessageRow, messages } from '../schema';

/*
 * Same convention as conversations.ts: every function takes the owner's user id and filters by it,
 * and a foreign conversation or message behaves exactly like an unknown one. Not found →
 * `undefined` (`[]` for the list), never a throw; the route turns that into
 * `not_found:conversation`. Throws are for a message of the wrong role (`bad_request:message`) and
 * for a message id already used elsewhere (`conflict:message`).
 *
 * Every write runs in one transaction that first locks the conversation row: that serialises
 * concurrent writers to one conversation (positions stay unique and dense at the end) and
 * checks ownership in the same step. Each write bumps the conversation's `updatedAt`.
 */

/** A stored message as the app uses it; `metadata.status` comes from the status column. */
function toChatMessage(row: MessageRow): ChatMessage {
  return { id: row.id, role: row.role, parts: row.parts, metadata: { ...row.metadata, status: row.status } };
}

export async function listMessages(db: Database, ownerId: string, conversationId: string): Promise<ChatMessage[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, ownerId)))
    .orderBy(asc(messages.position));
  return rows.map(toChatMessage);
}

/**
 * Appends the user's message after the last one. A message id this conversation already holds
 * (a retried request) returns the stored message instead of adding it twice.
 */
export async function appendUserMessage(
  db: Database,
  ownerId: string,
  conversationId: string,
  message: ChatMessage,
): Promise<ChatMessage | undefined> {
  expectRole(message, 'user');
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, ownerId, conversationId))) return undefined;
    const [existing] = await tx
      .select()
      .from(messages)
      .where(and(ownedMessage(ownerId, conversationId, message.id), eq(messages.role, 'user')));
    if (existing) return toChatMessage(existing);

    const { position, parentId } = await nextPosition(tx, conversationId);
    const [row] = await tx
      .insert(messages)
      .values({
        id: message.id,
        conversationId,
        ownerId,
        parentId,
        position,
        role: 'user',
        parts: storable(message.parts),
        metadata: storable(message.metadata ?? {}),
        status: 'complete',
      })
      .onConflictDoNothing({ target: messages.id })
      .returning();
    if (!row) throw messageIdTaken();
    await touch(tx, conversationId);
    return toChatMessage(row);
  });
}

export interface AssistantResult {
  /** The model that answered; omitted on a second save keeps the stored value. */
  model?: string | null;
  usage?: MessageUsage | null;
}

/**
 * Inserts the assistant message after the last one, or — when this id is already stored in this
 * conversation — overwrites its parts, metadata, status, model and usage in place. Saving the
 * same message twice (say `interrupted`, then `complete`) is therefore safe.
 */
export async function saveAssistantMessage(
  db: Database,
  ownerId: string,
  conversationId: string,
  message: ChatMessage,
  status: MessageStatus,
  result: AssistantResult = {},
): Promise<ChatMessage | undefined> {
  expectRole(message, 'assistant');
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, ownerId, conversationId))) return undefined;
    const { position, parentId } = await nextPosition(tx, conversationId);
    const parts = storable(message.parts);
    const metadata = storable(message.metadata ?? {});
    const [row] = await tx
      .insert(messages)
      .values({
        id: message.id,
        conversationId,
        ownerId,
        parentId,
        position,
        role: 'assistant',
        parts,
        metadata,
        status,
        model: result.model,
        usage: result.usage,
      })
      .onConflictDoUpdate({
        target: messages.id,
        set: { parts, metadata, status, model: result.model, usage: result.usage },
        // Only this conversation's own assistant message may be overwritten.
        setWhere: and(
          eq(messages.conversationId, conversationId),
          eq(messages.ownerId, ownerId),
          eq(messages.role, 'assistant'),
        ),
      })
      .returning();
    if (!row) throw messageIdTaken();
    await touch(tx, conversationId);
    return toChatMessage(row);
  });
}

/**
 * Deletes everything after the message (and the message itself when `inclusive`), for regenerate
 * and edit. Returns how many messages were deleted; undefined when the message is not in this
 * user's conversation.
 */
export async function truncateFrom(
  db: Database,
  ownerId: string,
  conversationId: string,
  messageId: string,
  options: { inclusive: boolean },
): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, ownerId, conversationId))) return undefined;
    const target = await findMessage(tx, ownerId, conversationId, messageId);
    if (!target) return undefined;
    const from = options.inclusive ? gte(messages.position, target.position) : gt(messages.position, target.position);
    const deleted = await tx
      .delete(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, ownerId), from))
      .returning({ id: messages.id });
    if (deleted.length > 0) await touch(tx, conversationId);
    return deleted.length;
  });
}

/**
 * "Edit and resend": the user message keeps its id (`messageId`, whatever `message.id` says) and position, takes the new parts and
 * metadata, and everything after it is deleted. Undefined when the message is not in this user's
 * conversation; `bad_request:message` when it is not a user message.
 */
export async function replaceUserMessage(
  db: Database,
  ownerId: string,
  conversationId: string,
  messageId: string,
  message: ChatMessage,
): Promise<ChatMessage | undefined> {
  expectRole(message, 'user');
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, ownerId, conversationId))) return undefined;
    const target = await findMessage(tx, ownerId, conversationId, messageId);
    if (!target) return undefined;
    if (target.role !== 'user') {
      throw new AppError('bad_request:message', { message: 'Only a user message can be edited.' });
    }
    await tx
      .delete(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.ownerId, ownerId),
          gt(messages.position, target.position),
        ),
      );
    const [row] = await tx
      .update(messages)
      .set({ parts: storable(message.parts), metadata: storable(message.metadata ?? {}), status: 'complete' })
      .where(eq(messages.id, target.id))
      .returning();
    await touch(tx, conversationId);
    return row && toChatMessage(row);
  });
}

function expectRole(message: ChatMessage, role: 'user' | 'assistant'): void {
  if (message.role !== role) {
    throw new AppError('bad_request:message', { message: `Expected a ${role} message.` });
  }
}

/**
 * Postgres (and PGlite) reject U+0000 anywhere in jsonb ("unsupported Unicode escape sequence"),
 * so one NUL in a pasted prompt or a model's output would lose the whole message. It becomes
 * U+FFFD instead; everything else is stored exactly.
 */
export function storable<T>(value: T): T {
  const json = JSON.stringify(value, (_key, item) =>
    typeof item === 'string' ? item.replaceAll('\0', '\uFFFD') : item,
  );
  return JSON.parse(json) as T;
}

function messageIdTaken(): AppError {
  return new AppError('conflict:message', { message: 'A message with this id already exists.' });
}

function ownedMessage(ownerId: string, conversationId: string, id: string) {
  return and(eq(messages.id, id), eq(messages.conversationId, conversationId), eq(messages.ownerId, ownerId));
}

async function findMessage(
  tx: Transaction,
  ownerId: string,
  conversationId: string,
  id: string,
): Promise<MessageRow | undefined> {
  const [row] = await tx
    .select()
    .from(messages)
    .where(ownedMessage(ownerId, conversationId, id));
  return row;
}

/** Row lock on the conversation until the transaction ends; false when absent or foreign. */
async function lockConversation(tx: Transaction, ownerId: string, conversationId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, ownerId)))
    .for('update');
  return rows.length > 0;
}

/** Position and parent for a message appended now. Call with the conversation locked. */
async function nextPosition(
  tx: Transaction,
  conversationId: string,
): Promise<{ position: number; parentId: string | null }> {
  const [last] = await tx
    .select({ id: messages.id, position: messages.position })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.position))
    .limit(1);
  return last ? { position: last.position + 1, parentId: last.id } : { position: 0, parentId: null };
}

/**
 * The database's clock, so instances with skewed clocks still order the list consistently; the
 * wall clock rather than now() (transaction start), which may predate the wait for the lock.
 */
async function touch(tx: Transaction, conversationId: string): Promise<void> {
  await tx.update(conversations).set({ updatedAt: sql`clock_timestamp()` }).where(eq(conversations.id, conversationId));
}
