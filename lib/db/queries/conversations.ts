import 'server-only';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { GenerationParams } from '@/lib/models';
import type { Database } from '../client';
import { type Conversation, conversations } from '../schema';

/*
 * Every function takes the owner's user id and filters by it: another user's conversation behaves
 * exactly like one that does not exist. Not found (or foreign) → `undefined` / `false`, never a
 * throw; the route turns that into `not_found:conversation`. Throws are for bad input
 * (`bad_request:conversation`) and id collisions (`conflict:conversation`).
 *
 * `updatedAt` is last activity and orders the list: message writes bump it (see messages.ts),
 * renames and settings changes do not, so tidying an old chat does not move it to the top.
 */

export interface NewConversation {
  /** The browser's context id; generated when absent. */
  id?: string;
  title: string;
  model: string;
  params: GenerationParams;
  systemPrompt?: string | null;
}

/** Throws `conflict:conversation` when the id is taken (by this user or another one). */
export async function createConversation(db: Database, ownerId: string, input: NewConversation): Promise<Conversation> {
  const [row] = await db
    .insert(conversations)
    .values({
      id: input.id,
      ownerId,
      title: input.title,
      model: input.model,
      params: input.params,
      systemPrompt: input.systemPrompt ?? null,
    })
    .onConflictDoNothing({ target: conversations.id })
    .returning();
  if (!row) throw new AppError('conflict:conversation', { message: 'A conversation with this id already exists.' });
  return row;
}

export async function getConversation(db: Database, ownerId: string, id: string): Promise<Conversation | undefined> {
  const [row] = await db.select().from(conversations).where(owned(ownerId, id));
  return row;
}

export interface ConversationPage {
  items: Conversation[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const limitSchema = z.number().int().min(1).max(100);

/**
 * Newest activity first (comparison panes excluded), keyset-paginated on (updatedAt, id). The cursor only says where the
 * previous page ended; the owner filter applies to every page, so a cursor copied from another
 * user's session can neither show nor skip to that user's rows.
 */
export async function listConversations(
  db: Database,
  ownerId: string,
  options: { limit?: number; cursor?: string | null } = {},
): Promise<ConversationPage> {
  const limit = options.limit ?? 30;
  if (!limitSchema.safeParse(limit).success) {
    throw new AppError('bad_request:conversation', { message: 'The page size must be between 1 and 100.' });
  }
  const after = options.cursor == null ? undefined : decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.ownerId, ownerId),
        // A comparison's panes are listed with their comparison, not here.
        isNull(conversations.comparisonId),
        after &&
          or(
            lt(conversations.updatedAt, after.updatedAt),
            and(eq(conversations.updatedAt, after.updatedAt), lt(conversations.id, after.id)),
          ),
      ),
    )
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function renameConversation(
  db: Database,
  ownerId: string,
  id: string,
  title: string,
): Promise<Conversation | undefined> {
  const [row] = await db
    .update(conversations)
    .set({ title, titleSource: 'user' })
    .where(owned(ownerId, id))
    .returning();
  return row;
}

/** Deletes the conversation and (by cascade) its messages. */
export async function deleteConversation(db: Database, ownerId: string, id: string): Promise<boolean> {
  const rows = await db.delete(conversations).where(owned(ownerId, id)).returning({ id: conversations.id });
  return rows.length > 0;
}

export interface ConversationSettings {
  model?: string;
  params?: GenerationParams;
  /** null clears it. */
  systemPrompt?: string | null;
}

/** Sets the fields given; omitted fields keep their value. */
export async function updateConversationSettings(
  db: Database,
  ownerId: string,
  id: string,
  settings: ConversationSettings,
): Promise<Conversation | undefined> {
  const changes = {
    ...(settings.model !== undefined && { model: settings.model }),
    ...(settings.params !== undefined && { params: settings.params }),
    ...(settings.systemPrompt !== undefined && { systemPrompt: settings.systemPrompt }),
  };
  if (Object.keys(changes).length === 0) return getConversation(db, ownerId, id);
  const [row] = await db.update(conversations).set(changes).where(owned(ownerId, id)).returning();
  return row;
}

/** Sets a generated title unless the user has named the conversation; undefined when it did not. */
export async function setAutoTitle(
  db: Database,
  ownerId: string,
  id: string,
  title: string,
): Promise<Conversation | undefined> {
  const [row] = await db
    .update(conversations)
    .set({ title })
    .where(and(owned(ownerId, id), eq(conversations.titleSource, 'auto')))
    .returning();
  return row;
}

function owned(ownerId: string, id: string) {
  return and(eq(conversations.id, id), eq(conversations.ownerId, ownerId));
}

const cursorSchema = z.tuple([z.number().int().nonnegative(), z.string().min(1)]);

function encodeCursor(row: Pick<Conversation, 'updatedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.updatedAt.getTime(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const invalid = () => new AppError('bad_request:conversation', { message: 'The page cursor is not valid.' });
  let parsed: z.infer<typeof cursorSchema>;
  try {
    const result = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!result.success) throw invalid();
    parsed = result.data;
  } catch {
    throw invalid();
  }
  const decoded = { updatedAt: new Date(parsed[0]), id: parsed[1] };
  // Node's base64url decoder skips characters it does not know; only accept what we would emit.
  if (Number.isNaN(decoded.updatedAt.getTime()) || encodeCursor(decoded) !== cursor) throw invalid();
  return decoded;
}
