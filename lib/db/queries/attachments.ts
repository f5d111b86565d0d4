import 'server-only';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '../client';
import { type Attachment, attachments, type NewAttachment } from '../schema';

/*
 * Same convention as conversations.ts: every function takes the owner's user id and filters by it;
 * another user's attachment behaves exactly like an unknown one (`undefined` / left out).
 */

/** Everything but the bytes. */
export type AttachmentInfo = Omit<Attachment, 'data'>;

const infoColumns = {
  id: attachments.id,
  ownerId: attachments.ownerId,
  conversationId: attachments.conversationId,
  mediaType: attachments.mediaType,
  byteSize: attachments.byteSize,
  width: attachments.width,
  height: attachments.height,
  sha256: attachments.sha256,
  filename: attachments.filename,
  storage: attachments.storage,
  createdAt: attachments.createdAt,
};

export async function insertAttachment(db: Database, row: NewAttachment): Promise<AttachmentInfo> {
  const [stored] = await db.insert(attachments).values(row).returning(infoColumns);
  if (!stored) throw new Error('insert returned no row');
  return stored;
}

/** With the bytes when they live in the database. */
export async function getAttachment(db: Database, ownerId: string, id: string): Promise<Attachment | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.ownerId, ownerId)));
  return row;
}

/** The owner's attachments among `ids` (foreign and unknown ids are left out). */
export async function listAttachmentInfo(
  db: Database,
  ownerId: string,
  ids: readonly string[],
): Promise<AttachmentInfo[]> {
  if (ids.length === 0) return [];
  return db
    .select(infoColumns)
    .from(attachments)
    .where(and(eq(attachments.ownerId, ownerId), inArray(attachments.id, [...ids])));
}

/** Ties unsent uploads to the conversation they were sent in; already-sent ones keep theirs. */
export async function claimAttachments(
  db: Database,
  ownerId: string,
  conversationId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(attachments)
    .set({ conversationId })
    .where(
      and(eq(attachments.ownerId, ownerId), inArray(attachments.id, [...ids]), isNull(attachments.conversationId)),
    );
}

/** The conversation's attachments (before deleting it: their files must go too). */
export async function listConversationAttachments(
  db: Database,
  ownerId: string,
  conversationId: string,
): Promise<AttachmentInfo[]> {
  return db
    .select(infoColumns)
    .from(attachments)
    .where(and(eq(attachments.ownerId, ownerId), eq(attachments.conversationId, conversationId)));
}

/** Deletes uploads (of any user) never sent in a message and older than `before`; returns them. */
export async function deleteUnsentBefore(db: Database, before: Date, limit = 200): Promise<AttachmentInfo[]> {
  const stale = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(isNull(attachments.conversationId), lt(attachments.createdAt, before)))
    .limit(limit);
  return db.delete(attachments).where(inArray(attachments.id, stale)).returning(infoColumns);
}

export async function deleteAttachment(db: Database, ownerId: string, id: string): Promise<AttachmentInfo | undefined> {
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.ownerId, ownerId)))
    .returning(infoColumns);
  return row;
}
