import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { hasFeature } from '@/lib/policy/roles';
import { attachmentLimits } from './limits';
import { normaliseImage } from './normalise';
import {
  type AttachmentBytes,
  type AttachmentView,
  readAttachmentBytes,
  saveAttachment,
  sweepUnsentAttachments,
  toView,
} from './store';
import { readImageUpload } from './upload';

export { attachmentIdOf } from './chat-images';
export { attachmentLimits } from './limits';
export { type AttachmentBytes, type AttachmentView, readAttachmentBytes } from './store';

/**
 * `POST /api/attachments`: read (bounded) → sniff → pixel check → re-encode → store. Every refusal
 * happens before the insert, so a bad upload leaves nothing behind.
 */
export async function uploadAttachment(
  req: Request,
  user: Pick<CurrentUser, 'id' | 'role'>,
): Promise<AttachmentView & { animated: boolean }> {
  if (!hasFeature(user.role, 'vision')) {
    throw new AppError('forbidden:attachment', { message: `Image input is not available to ${user.role} accounts.` });
  }
  const limits = attachmentLimits();
  const upload = await readImageUpload(req, limits.maxBytes, 'attachment');
  const image = await normaliseImage(upload.bytes, limits, 'attachment', {
    mediaType: upload.declaredType,
    filename: upload.filename,
  });
  const db = await getDb();
  const row = await saveAttachment(db, user.id, image, upload.filename);
  void sweepUnsentAttachments(db).catch((error: unknown) =>
    log.warn({ err: (error as Error).message }, 'sweeping unsent attachments failed'),
  );
  return { ...toView(row), animated: image.animated };
}

/** The response that serves a stored image to its owner (`GET /api/attachments/:id`). */
export async function attachmentResponse(ownerId: string, id: string): Promise<Response> {
  const stored = /^[0-9a-f-]{36}$/.test(id) ? await readAttachmentBytes(ownerId, id) : undefined;
  if (!stored) throw new AppError('not_found:attachment', { message: 'No such attachment.' });
  return imageResponse(stored);
}

/**
 * Serves stored image bytes with the headers that keep them an image: the stored type, `nosniff`,
 * a sandboxing CSP, an attachment-style file name. Share pages serve their images through this too.
 */
export function imageResponse(
  stored: AttachmentBytes,
  cacheControl = 'private, max-age=31536000, immutable',
): Response {
  const extension = stored.info.mediaType.slice('image/'.length).replace('jpeg', 'jpg');
  const name = `image-${stored.info.id.slice(0, 8)}.${extension}`;
  return new Response(new Uint8Array(stored.bytes), {
    headers: {
      'content-type': stored.info.mediaType,
      'content-length': String(stored.bytes.byteLength),
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="${name}"`,
      // Private: behind a session. Immutable: an id never names other bytes.
      'cache-control': cacheControl,
      etag: `"${stored.info.sha256}"`,
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
