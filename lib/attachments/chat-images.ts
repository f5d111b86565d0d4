import 'server-only';
import type { FileUIPart } from 'ai';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { ChatMessage } from '@/lib/chat/types';
import type { Database } from '@/lib/db/client';
import { claimAttachments, listAttachmentInfo } from '@/lib/db/queries/attachments';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { hasFeature } from '@/lib/policy/roles';
import { readAttachmentBytes } from './store';

/** The path of a stored attachment inside a message part (`/api/attachments/<uuid>`). */
const attachmentPath = /^\/api\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function attachmentIdOf(url: string): string | undefined {
  return attachmentPath.exec(url)?.[1];
}

/**
 * DeepSeek refuses request bodies over 48 MiB and images travel inline as base64 (4/3 the bytes),
 * re-sent every turn. The newest images go first; older ones past this budget are replaced by a
 * note, so a long conversation with many images still gets an answer about the latest ones.
 */
export const UPSTREAM_IMAGE_BUDGET_BYTES = 40 * 1024 * 1024;

const omitted = (reason: string): ChatMessage['parts'][number] => ({
  type: 'text',
  text: `[image omitted: ${reason}]`,
});

const isImagePart = (part: ChatMessage['parts'][number]): part is FileUIPart =>
  part.type === 'file' && part.mediaType.startsWith('image/');

export interface PreparedImages {
  /** The history with each stored image inlined as a data URL (or replaced by a note). */
  messages: ChatMessage[];
  imageCount: number;
  /** Ties the new message's uploads to the conversation once it is stored. */
  claim: (db: Database, conversationId: string) => Promise<void>;
}

/**
 * Checks the images of a turn and turns each `/api/attachments/<id>` part into the data URL the
 * upstream expects. Throws before anything is stored: too many images, an id the user does not own
 * (404, like an unknown one), a role without image input, or a model that cannot see images
 * (`bad_request:vision`, unless the browser chose to send the turn without them).
 */
export async function prepareChatImages(
  db: Database,
  user: Pick<CurrentUser, 'id' | 'role'>,
  model: { id: string; vision: boolean },
  messages: readonly ChatMessage[],
  options: { dropImages?: boolean } = {},
): Promise<PreparedImages> {
  const last = messages.at(-1);
  const newIds = (last?.role === 'user' ? last.parts.filter(isImagePart) : []).map((part) => attachmentIdOf(part.url));
  const total = messages.reduce((sum, message) => sum + message.parts.filter(isImagePart).length, 0);
  const noClaim = { claim: async () => {} };
  if (total === 0) return { messages: [...messages], imageCount: 0, ...noClaim };

  if (newIds.length > env.ATTACHMENTS_PER_MESSAGE) {
    throw new AppError('bad_request:attachment', {
      message: `A message may carry at most ${env.ATTACHMENTS_PER_MESSAGE} images; this one has ${newIds.length}.`,
      details: { limit: env.ATTACHMENTS_PER_MESSAGE, count: newIds.length },
    });
  }
  if (options.dropImages) return { messages: messages.map(withoutImages), imageCount: 0, ...noClaim };
  if (!model.vision) {
    throw new AppError('bad_request:vision', {
      message: `${model.id} cannot read images. Switch to a model that can, or send without the images.`,
      details: { reason: 'model_without_vision', model: model.id },
    });
  }
  if (!hasFeature(user.role, 'vision')) {
    throw new AppError('forbidden:vision', { message: `Image input is not available to ${user.role} accounts.` });
  }

  const ids = messages.flatMap((message) => message.parts.filter(isImagePart).map((part) => attachmentIdOf(part.url)));
  const known = new Map(
    (
      await listAttachmentInfo(
        db,
        user.id,
        ids.filter((id): id is string => Boolean(id)),
      )
    ).map((row) => [row.id, row]),
  );
  for (const id of newIds) {
    if (!id || !known.has(id)) {
      throw new AppError('not_found:attachment', {
        message: 'An attached image does not exist (or was deleted). Remove it and attach it again.',
        details: { id: id ?? null },
      });
    }
  }

  // Newest first against the budget; the rest become notes.
  let budget = UPSTREAM_IMAGE_BUDGET_BYTES;
  const included = new Set<string>();
  for (const id of [...ids].reverse()) {
    const row = id ? known.get(id) : undefined;
    if (!row || included.has(row.id)) continue;
    const inline = Math.ceil(row.byteSize / 3) * 4;
    if (inline > budget) break;
    budget -= inline;
    included.add(row.id);
  }
  const urls = new Map<string, string>();
  await Promise.all(
    [...included].map(async (id) => {
      const stored = await readAttachmentBytes(user.id, id, db);
      if (stored) urls.set(id, `data:${stored.info.mediaType};base64,${stored.bytes.toString('base64')}`);
    }),
  );

  const inlined = messages.map((message) => {
    if (!message.parts.some(isImagePart)) return message;
    const parts = message.parts.map((part) => {
      if (!isImagePart(part)) return part;
      const id = attachmentIdOf(part.url);
      const url = id ? urls.get(id) : undefined;
      if (url) return { ...part, url };
      return omitted(id && known.has(id) ? 'over the request size limit' : 'no longer available');
    });
    return { ...message, parts };
  });
  const claimIds = newIds.filter((id): id is string => Boolean(id));
  return {
    messages: inlined,
    imageCount: urls.size,
    claim: (target, conversationId) => claimAttachments(target, user.id, conversationId, claimIds),
  };
}

function withoutImages(message: ChatMessage): ChatMessage {
  if (!message.parts.some(isImagePart)) return message;
  const parts = message.parts.filter((part) => !isImagePart(part));
  return { ...message, parts: parts.length > 0 ? parts : [omitted('not sent to this model')] };
}
