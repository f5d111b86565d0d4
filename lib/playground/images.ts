import 'server-only';
import { readAttachmentBytes } from '@/lib/attachments';
import { UPSTREAM_IMAGE_BUDGET_BYTES } from '@/lib/attachments/chat-images';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db/client';
import { listAttachmentInfo } from '@/lib/db/queries/attachments';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { ModelSpec } from '@/lib/models';
import { hasFeature } from '@/lib/policy/roles';
import { type ImageUrlOf, imageFileName } from './request';
import type { PlaygroundState } from './state';

/**
 * The images of a playground run, checked as a chat turn checks them: at most
 * ATTACHMENTS_PER_MESSAGE per message, a model and a role that may see images, and every id an
 * upload of this user (unknown and foreign ids alike: 404). Returns the data URLs the request
 * builder puts into the upstream body; the bytes are the stored ones (sniffed and re-encoded at
 * upload), never anything the browser sent with the run.
 */
export async function playgroundImageUrls(
  db: Database,
  user: Pick<CurrentUser, 'id' | 'role'>,
  spec: Pick<ModelSpec, 'id' | 'vision'>,
  state: Pick<PlaygroundState, 'messages'>,
): Promise<ImageUrlOf> {
  const images = state.messages.flatMap((message) => message.images ?? []);
  if (images.length === 0) return unexpected;
  for (const [index, message] of state.messages.entries()) {
    const count = message.images?.length ?? 0;
    if (count > env.ATTACHMENTS_PER_MESSAGE) {
      throw new AppError('bad_request:attachment', {
        message: `A message may carry at most ${env.ATTACHMENTS_PER_MESSAGE} images; message ${index + 1} has ${count}.`,
        details: { limit: env.ATTACHMENTS_PER_MESSAGE, count },
      });
    }
  }
  if (!spec.vision) {
    throw new AppError('bad_request:vision', {
      message: `${spec.id} cannot read images. Remove them or pick a model that can.`,
      details: { reason: 'model_without_vision', model: spec.id },
    });
  }
  if (!hasFeature(user.role, 'vision')) {
    throw new AppError('forbidden:vision', { message: `Image input is not available to ${user.role} accounts.` });
  }
  const ids = [...new Set(images.map((image) => image.id))];
  const known = new Map((await listAttachmentInfo(db, user.id, ids)).map((row) => [row.id, row]));
  const missing = ids.find((id) => !known.has(id));
  if (missing) {
    throw new AppError('not_found:attachment', {
      message: 'An image of this request does not exist or is not yours. Remove it and attach it again.',
      details: { id: missing },
    });
  }
  const inline = images.reduce((sum, image) => sum + Math.ceil(known.get(image.id)!.byteSize / 3) * 4, 0);
  if (inline > UPSTREAM_IMAGE_BUDGET_BYTES) {
    throw new AppError('bad_request:attachment', {
      message: `The images add up to ${Math.round(inline / 2 ** 20)} MiB inline; the request limit leaves room for ${UPSTREAM_IMAGE_BUDGET_BYTES / 2 ** 20} MiB.`,
    });
  }
  const urls = new Map<string, string>();
  for (const id of ids) {
    const stored = await readAttachmentBytes(user.id, id, db);
    if (!stored)
      throw new AppError('not_found:attachment', { message: 'An image of this request is no longer available.' });
    urls.set(id, `data:${stored.info.mediaType};base64,${stored.bytes.toString('base64')}`);
  }
  return (image) => urls.get(image.id) ?? unexpected(image);
}

const unexpected: ImageUrlOf = (image) => {
  throw new AppError('not_found:attachment', { message: `${imageFileName(image)} is not part of this request.` });
};

/** The request as the inspector shows it: inline images shortened to their placeholder and size. */
export function elideImages(body: Record<string, unknown>): Record<string, unknown> {
  const messages = (body.messages as { content: unknown }[]).map((message) =>
    Array.isArray(message.content)
      ? {
          ...message,
          content: message.content.map((part: { type?: string; image_url?: { url: string } }) =>
            part.type === 'image_url' && part.image_url?.url.startsWith('data:')
              ? { ...part, image_url: { ...part.image_url, url: shorten(part.image_url.url) } }
              : part,
          ),
        }
      : message,
  );
  return { ...body, messages };
}

function shorten(url: string): string {
  const comma = url.indexOf(',');
  const bytes = Math.floor(((url.length - comma - 1) * 3) / 4);
  return `${url.slice(0, comma + 1)}<${bytes.toLocaleString('en-US')} bytes of base64 elided>`;
}
