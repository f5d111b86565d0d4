import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Database, getDb } from '@/lib/db/client';
import {
  type AttachmentInfo,
  deleteUnsentBefore,
  getAttachment,
  insertAttachment,
  listConversationAttachments,
} from '@/lib/db/queries/attachments';
import { deleteConversation } from '@/lib/db/queries/conversations';
import type { AttachmentStorage } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import type { NormalisedImage } from './normalise';

export type { AttachmentInfo };

/** An attachment as the API returns it. */
export interface AttachmentView {
  id: string;
  url: string;
  mediaType: string;
  byteSize: number;
  width: number;
  height: number;
  filename: string | null;
  createdAt: string;
}

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

export function toView(row: AttachmentInfo): AttachmentView {
  return {
    id: row.id,
    url: attachmentUrl(row.id),
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    filename: row.filename,
    createdAt: row.createdAt.toISOString(),
  };
}

// Ids are server-made UUIDs, so a path built from one cannot leave the folder.
const fileOf = (id: string) => path.join(env.DATA_DIR, 'attachments', id.slice(0, 2), id);

export async function saveAttachment(
  db: Database,
  ownerId: string,
  image: NormalisedImage,
  filename: string | undefined,
  storage: AttachmentStorage = env.ATTACHMENT_STORAGE,
): Promise<AttachmentInfo> {
  const id = randomUUID();
  if (storage === 'filesystem') {
    const file = fileOf(id);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, image.bytes, { flag: 'wx' });
  }
  try {
    return await insertAttachment(db, {
      id,
      ownerId,
      mediaType: image.mediaType,
      byteSize: image.bytes.byteLength,
      width: image.width,
      height: image.height,
      sha256: image.sha256,
      filename: filename ?? null,
      storage,
      data: storage === 'database' ? image.bytes : null,
    });
  } catch (error) {
    if (storage === 'filesystem') await removeFiles([{ id, storage }]);
    throw error;
  }
}

export interface AttachmentBytes {
  info: AttachmentInfo;
  bytes: Buffer;
}

/**
 * An attachment's bytes by owner and id; `undefined` for unknown and other users' ids. The one
 * server-side reader for everything that shows a stored image (the attachment route, share pages,
 * exports): callers pass the owner of the conversation being shown.
 */
export async function readAttachmentBytes(
  ownerId: string,
  id: string,
  db?: Database,
): Promise<AttachmentBytes | undefined> {
  const row = await getAttachment(db ?? (await getDb()), ownerId, id);
  if (!row) return undefined;
  const { data, ...info } = row;
  if (row.storage === 'database') return data ? { info, bytes: Buffer.from(data) } : undefined;
  try {
    return { info, bytes: await readFile(fileOf(row.id)) };
  } catch (error) {
    log.error({ attachmentId: row.id, err: (error as Error).message }, 'attachment file missing');
    return undefined;
  }
}

/** Deletes a conversation with its messages and attachments (rows by cascade, files here). */
export async function deleteConversationAndAttachments(db: Database, ownerId: string, id: string): Promise<boolean> {
  const owned = await listConversationAttachments(db, ownerId, id);
  const deleted = await deleteConversation(db, ownerId, id);
  if (deleted) await removeFiles(owned);
  return deleted;
}

/** Deletes uploads never sent within the TTL. Cheap when there are none; run after uploads. */
export async function sweepUnsentAttachments(db: Database, now = Date.now()): Promise<number> {
  const before = new Date(now - env.ATTACHMENT_UNSENT_TTL_HOURS * 3_600_000);
  const removed = await deleteUnsentBefore(db, before);
  await removeFiles(removed);
  return removed.length;
}

async function removeFiles(rows: readonly Pick<AttachmentInfo, 'id' | 'storage'>[]): Promise<void> {
  await Promise.all(
    rows.filter((row) => row.storage === 'filesystem').map((row) => rm(fileOf(row.id), { force: true })),
  );
}
