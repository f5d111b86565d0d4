import 'server-only';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { titleFrom } from '@/lib/chat/plan';
import type { ChatMessage } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { claimAttachments, listAttachmentInfo } from '@/lib/db/queries/attachments';
import { type CopiedMessage, createConversationWithMessages } from '@/lib/db/queries/conversation-copies';
import { AppError } from '@/lib/errors';
import { getRegistry } from '@/lib/models/load';
import { assertModelAllowed } from '@/lib/policy/roles';
import { MAX_MESSAGE_CHARS, playgroundStateSchema } from './state';
import { resolveSpec } from './validate';

export const openInChatSchema = z.object({
  state: playgroundStateSchema,
  /** The run's answer, appended as the assistant's reply when present. */
  answer: z
    .object({ reasoning: z.string().max(MAX_MESSAGE_CHARS * 2), content: z.string().max(MAX_MESSAGE_CHARS) })
    .optional(),
});
export type OpenInChatInput = z.infer<typeof openInChatSchema>;

/** Turns the playground conversation (and its last answer) into a normal, stored conversation. */
export async function openInChat(user: CurrentUser, input: OpenInChatInput): Promise<{ id: string }> {
  const { state, answer } = input;
  const spec = resolveSpec(getRegistry(), state.model);
  assertModelAllowed(user.role, spec.id);
  const db = await getDb();
  // Images come along when they are this user's uploads (a link may name someone else's: dropped).
  const ids = state.messages.flatMap((message) => (message.images ?? []).map((image) => image.id));
  const owned = new Map((await listAttachmentInfo(db, user.id, ids)).map((row) => [row.id, row]));
  const messages: CopiedMessage[] = state.messages.flatMap((message) => {
    const images = (message.images ?? []).flatMap((image) => {
      const row = owned.get(image.id);
      return row ? [{ type: 'file' as const, mediaType: row.mediaType, url: `/api/attachments/${row.id}` }] : [];
    });
    const text = message.content.trim() !== '' ? [{ type: 'text' as const, text: message.content }] : [];
    return images.length + text.length > 0 ? [{ role: message.role, parts: [...images, ...text] }] : [];
  });
  if (answer && (answer.content !== '' || answer.reasoning !== '')) {
    const parts: ChatMessage['parts'] = [
      ...(answer.reasoning ? [{ type: 'reasoning' as const, text: answer.reasoning }] : []),
      ...(answer.content ? [{ type: 'text' as const, text: answer.content }] : []),
    ];
    messages.push({ role: 'assistant', parts, model: state.model });
  }
  if (messages.length === 0) {
    throw new AppError('bad_request:playground', { message: 'There is no conversation to open yet.' });
  }
  const firstUser = messages.find((message) => message.role === 'user') ?? messages[0]!;
  const conversation = await createConversationWithMessages(db, user.id, {
    title: titleFrom({ id: 'title', role: firstUser.role, parts: firstUser.parts }),
    model: state.model,
    params: {
      thinking: state.thinking,
      effort: state.thinking ? state.effort : undefined,
      temperature: state.temperature ?? undefined,
      topP: state.topP ?? undefined,
      maxTokens: state.maxTokens ?? undefined,
      stop: state.stop.length > 0 ? state.stop : undefined,
    },
    systemPrompt: state.system.trim() === '' ? null : state.system,
    messages,
  });
  await claimAttachments(db, user.id, conversation.id, [...owned.keys()]);
  return { id: conversation.id };
}
