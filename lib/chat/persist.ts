import 'server-only';
import type { Database } from '@/lib/db/client';
import { createConversation, updateConversationSettings } from '@/lib/db/queries/conversations';
import { appendUserMessage, replaceUserMessage, truncateFrom } from '@/lib/db/queries/messages';
import type { CallSettings, GenerationParams } from '@/lib/models';
import type { TurnWrite } from './plan';

/** The turn's writes before its answer: the conversation (new or its settings) and the planned message write. */
export async function persistBeforeAnswer(
  db: Database,
  ownerId: string,
  conversationId: string,
  isNew: boolean,
  write: TurnWrite,
  context: { title: string; settings: CallSettings; params: GenerationParams; system?: string },
): Promise<void> {
  if (isNew) {
    await createConversation(db, ownerId, {
      id: conversationId,
      title: context.title,
      model: context.settings.requestedModel,
      params: context.params,
      systemPrompt: context.system ?? null,
    });
  } else {
    await updateConversationSettings(db, ownerId, conversationId, {
      model: context.settings.requestedModel,
      params: context.params,
      systemPrompt: context.system ?? null,
    });
  }
  switch (write.kind) {
    case 'append':
      await appendUserMessage(db, ownerId, conversationId, write.message);
      return;
    case 'replace':
      await replaceUserMessage(db, ownerId, conversationId, write.messageId, write.message);
      return;
    case 'truncate':
      await truncateFrom(db, ownerId, conversationId, write.fromMessageId, { inclusive: true });
      return;
    case 'none':
      return;
  }
}
