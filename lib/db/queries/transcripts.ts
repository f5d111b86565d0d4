import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ChatMessage } from '@/lib/chat/types';
import type { Transcript, TranscriptPart } from '@/lib/transcript/types';
import type { Database } from '../client';
import { type Conversation, conversations, type MessageRow, messages } from '../schema';

/**
 * A stored conversation as a `Transcript` (share snapshots, exports). Owner-scoped like every
 * query: a foreign or unknown id is `undefined`.
 */
export async function loadTranscript(
  db: Database,
  ownerId: string,
  conversationId: string,
): Promise<Transcript | undefined> {
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.ownerId, ownerId)));
  if (!conversation) return undefined;
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.ownerId, ownerId)))
    .orderBy(asc(messages.position));
  return toTranscript(conversation, rows);
}

/** The owner's conversation ids, newest activity first (the whole-account archive walks these). */
export async function listConversationIds(db: Database, ownerId: string): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: conversations.id, title: conversations.title })
    .from(conversations)
    .where(eq(conversations.ownerId, ownerId))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id));
}

export function toTranscript(conversation: Conversation, rows: readonly MessageRow[]): Transcript {
  return {
    title: conversation.title,
    model: conversation.model,
    params: conversation.params,
    systemPrompt: conversation.systemPrompt,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
    messages: rows.map((row) => ({
      role: row.role,
      status: row.status,
      model: row.model ?? row.metadata.model ?? null,
      createdAt: row.createdAt.toISOString(),
      usage: row.usage ?? row.metadata.usage ?? null,
      parts: readerParts(row.parts),
    })),
  };
}

/** The parts a reader sees; step markers, tool calls and data parts are left out. */
export function readerParts(parts: ChatMessage['parts']): TranscriptPart[] {
  return parts.flatMap((part): TranscriptPart[] => {
    if (part.type === 'text' || part.type === 'reasoning')
      return part.text ? [{ type: part.type, text: part.text }] : [];
    if (part.type === 'file') {
      return [
        {
          type: 'file',
          mediaType: part.mediaType,
          url: part.url,
          ...(part.filename ? { filename: part.filename } : {}),
        },
      ];
    }
    return [];
  });
}
