import 'server-only';
import { createIdGenerator } from 'ai';
import type { ChatMessage, MessageStatus, MessageUsage } from '@/lib/chat/types';
import { AppError } from '@/lib/errors';
import type { Database } from '../client';
import { type Conversation, conversations, messages } from '../schema';
import type { NewConversation } from './conversations';
import { storable } from './messages';

/** One message of a conversation written in one piece (a copy, an import, a playground hand-off). */
export interface CopiedMessage {
  role: ChatMessage['role'];
  parts: ChatMessage['parts'];
  metadata?: ChatMessage['metadata'];
  status?: MessageStatus;
  model?: string | null;
  usage?: MessageUsage | null;
  createdAt?: Date;
}

export interface ConversationWithMessages extends NewConversation {
  messages: readonly CopiedMessage[];
  /** Written as a pane of this comparison (which must be the same owner's). */
  comparisonId?: string;
  createdAt?: Date;
}

const newMessageId = createIdGenerator({ prefix: 'msg', size: 16 });

/** Upper bound for one written conversation; larger imports are refused rather than half-written. */
export const maxCopiedMessages = 5000;

/**
 * Creates a conversation of `ownerId` holding `messages` in order, in one transaction: either all
 * of it is stored or nothing is. Message ids are always new (ids are global, and a copy must never
 * collide with or reveal its source); the conversation id is new unless given.
 * Throws `bad_request:conversation` for an empty or oversized list, `conflict:conversation` for a
 * taken conversation id.
 */
export async function createConversationWithMessages(
  db: Database,
  ownerId: string,
  input: ConversationWithMessages,
): Promise<Conversation> {
  if (input.messages.length === 0) {
    throw new AppError('bad_request:conversation', { message: 'A conversation needs at least one message.' });
  }
  if (input.messages.length > maxCopiedMessages) {
    throw new AppError('bad_request:conversation', {
      message: `A conversation can hold at most ${maxCopiedMessages} messages.`,
    });
  }
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({
        id: input.id,
        ownerId,
        title: input.title,
        model: input.model,
        params: input.params,
        systemPrompt: input.systemPrompt ?? null,
        comparisonId: input.comparisonId ?? null,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      })
      .onConflictDoNothing({ target: conversations.id })
      .returning();
    if (!conversation) {
      throw new AppError('conflict:conversation', { message: 'A conversation with this id already exists.' });
    }
    let parentId: string | null = null;
    const rows = input.messages.map((message, position) => {
      const id = newMessageId();
      const row = {
        id,
        conversationId: conversation.id,
        ownerId,
        parentId,
        position,
        role: message.role,
        parts: storable(message.parts),
        metadata: storable({ ...(message.metadata ?? {}), status: undefined, conversationId: conversation.id }),
        status: message.status ?? 'complete',
        model: message.model ?? null,
        usage: message.usage ?? null,
        ...(message.createdAt ? { createdAt: message.createdAt } : {}),
      };
      parentId = id;
      return row;
    });
    // Chunked: one INSERT with thousands of rows can exceed the bind-parameter limit.
    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(messages).values(rows.slice(start, start + 500));
    }
    return conversation;
  });
}
