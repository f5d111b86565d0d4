import 'server-only';
import type { Database } from '@/lib/db/client';
import { claimAttachments } from '@/lib/db/queries/attachments';
import { AppError } from '@/lib/errors';
import { attachmentLimits } from './limits';
import { normaliseImage } from './normalise';
import { attachmentUrl, saveAttachment } from './store';

/** An image part as transcripts and messages hold it. */
export interface ImagePartLike {
  type: 'file';
  mediaType: string;
  url: string;
  filename?: string;
}

/**
 * Image bytes from elsewhere (a shared snapshot, an imported file) stored as a new attachment of
 * `ownerId`, through the same checks and re-encode as an upload (size, type sniffed from the
 * bytes, pixel limit, metadata stripped). Undefined when the bytes are refused.
 */
export async function adoptImage(
  db: Database,
  ownerId: string,
  bytes: Uint8Array,
  filename?: string,
): Promise<{ id: string; url: string; mediaType: string } | undefined> {
  const limits = attachmentLimits();
  if (bytes.byteLength > limits.maxBytes) return undefined;
  try {
    const image = await normaliseImage(bytes, limits, 'attachment');
    const row = await saveAttachment(db, ownerId, image, filename);
    return { id: row.id, url: attachmentUrl(row.id), mediaType: row.mediaType };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

const dataUrl = /^data:image\/[a-z]+;base64,([A-Za-z0-9+/]+=*)$/;

/** The bytes of a base64 `data:image/…` URL, or undefined. */
export function dataUrlBytes(url: string): Uint8Array | undefined {
  const match = dataUrl.exec(url);
  return match ? Buffer.from(match[1]!, 'base64') : undefined;
}

/**
 * Gives every image part of `messages` a new attachment of `ownerId` (one per distinct source),
 * reading the bytes with `load`; a part whose bytes are missing or refused becomes a short text
 * note. `claim` ties the new attachments to the conversation once it exists, so deleting it
 * deletes them (until then they are unsent uploads, swept after their TTL).
 */
export async function adoptImageParts<M extends { parts: readonly unknown[] }>(
  db: Database,
  ownerId: string,
  messages: readonly M[],
  load: (part: ImagePartLike) => Promise<Uint8Array | undefined>,
) {
  const adopted = new Map<string, Awaited<ReturnType<typeof adoptImage>>>();
  const out: M[] = [];
  for (const message of messages) {
    const parts = [];
    for (const part of message.parts) {
      if (!isImagePart(part)) {
        parts.push(part);
        continue;
      }
      if (!adopted.has(part.url)) {
        const bytes = await load(part).catch(() => undefined);
        adopted.set(part.url, bytes && (await adoptImage(db, ownerId, bytes, part.filename)));
      }
      const image = adopted.get(part.url);
      parts.push(
        image
          ? {
              type: 'file',
              mediaType: image.mediaType,
              url: image.url,
              ...(part.filename ? { filename: part.filename } : {}),
            }
          : { type: 'text', text: `[image: ${part.filename ?? part.mediaType}]` },
      );
    }
    out.push({ ...message, parts });
  }
  const ids = [...adopted.values()].flatMap((image) => (image ? [image.id] : []));
  return {
    messages: out,
    claim: (target: Database, conversationId: string) => claimAttachments(target, ownerId, conversationId, ids),
  };
}

function isImagePart(part: unknown): part is ImagePartLike {
  const candidate = part as Partial<ImagePartLike>;
  return candidate?.type === 'file' && typeof candidate.url === 'string' && /^image\//.test(candidate.mediaType ?? '');
}
