import 'server-only';
import { z } from 'zod';
import { adoptImageParts, dataUrlBytes } from '@/lib/attachments/adopt';
import type { Database } from '@/lib/db/client';
import { type ConversationWithMessages, createConversationWithMessages } from '@/lib/db/queries/conversation-copies';
import { AppError } from '@/lib/errors';
import { getRegistry } from '@/lib/models/load';
import { isEmbeddableDataUrl } from '@/lib/transcript/attachments';
import { conversationExportSchema, exportFormatId } from '@/lib/transcript/json';
import type { Transcript, TranscriptMessage, TranscriptPart } from '@/lib/transcript/types';
import { chatGptConversationSchema, fromChatGpt } from './chatgpt';
import { assertJsonDepth, cleanText } from './json-limits';

/**
 * Imports a file in this app's export format (one conversation) or ChatGPT's `conversations.json`
 * (one or many). Everything is checked before anything is written, and all conversations are
 * written in one transaction: a file either imports completely or not at all.
 */

export const maxImportedConversations = 1000;
export const maxImportedMessages = 50_000;

export interface ImportResult {
  format: 'deepseek-studio' | 'chatgpt';
  conversations: { id: string; title: string; messageCount: number }[];
}

function invalid(message: string, details?: unknown): AppError {
  return new AppError('bad_request:import', { message, details });
}

function parse(text: string): unknown {
  if (text.trim() === '') throw invalid('The file is empty.', { reason: 'empty' });
  assertJsonDepth(text);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('The file is not valid JSON.', { reason: 'not_json' });
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 10)
    .map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  throw invalid(
    `This is not a valid ${what} file. ${first ? `${first.path || '(root)'}: ${first.message}` : ''}`.trim(),
    {
      reason: 'schema',
      issues,
    },
  );
}

function knownModel(model: string | null | undefined): string {
  const registry = getRegistry();
  if (model && registry.get(model)) return model;
  return registry.list()[0]!.id;
}

/** Imported file parts: inline raster images stay; references to someone's attachments do not. */
function importablePart(part: TranscriptPart): TranscriptPart {
  if (part.type !== 'file') return { ...part, text: cleanText(part.text) };
  if (isEmbeddableDataUrl(part.url)) return part;
  return { type: 'text', text: `[image: ${cleanText(part.filename ?? part.mediaType)}]` };
}

function toWrite(transcript: Omit<Transcript, 'updatedAt'>, messages: TranscriptMessage[]): ConversationWithMessages {
  return {
    title: cleanText(transcript.title),
    model: knownModel(transcript.model),
    params: transcript.params,
    systemPrompt: transcript.systemPrompt === null ? null : cleanText(transcript.systemPrompt),
    createdAt: new Date(transcript.createdAt),
    messages: messages.map((message) => ({
      role: message.role,
      status: message.status,
      model: message.model,
      usage: message.usage,
      parts: message.parts.map(importablePart),
      ...(message.createdAt ? { createdAt: new Date(message.createdAt) } : {}),
    })),
  };
}

export function planImport(text: string): { format: ImportResult['format']; writes: ConversationWithMessages[] } {
  const value = parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && 'format' in value) {
    if ((value as { format: unknown }).format !== exportFormatId) {
      throw invalid('This file is in an unknown format.', { reason: 'unknown_format' });
    }
    const document = validate(conversationExportSchema, value, 'DeepSeek Studio export');
    return { format: 'deepseek-studio', writes: [toWrite(document.conversation, document.conversation.messages)] };
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw invalid('The file holds no conversations.', { reason: 'empty' });
  if (list.length > maxImportedConversations) {
    throw invalid(`A file may hold at most ${maxImportedConversations} conversations.`, { reason: 'too_many' });
  }
  const conversations = validate(z.array(chatGptConversationSchema), list, 'ChatGPT export');
  const writes = conversations.flatMap((conversation) => {
    const imported = fromChatGpt(conversation);
    if (imported.messages.length === 0) return [];
    const createdAt = (imported.createdAt ?? new Date()).toISOString();
    return [
      toWrite(
        { title: imported.title, model: imported.model ?? '', params: {}, systemPrompt: null, createdAt, messages: [] },
        imported.messages,
      ),
    ];
  });
  if (writes.length === 0) throw invalid('The file holds no messages to import.', { reason: 'empty' });
  return { format: 'chatgpt', writes };
}

export async function importConversations(db: Database, ownerId: string, text: string): Promise<ImportResult> {
  const { format, writes } = planImport(text);
  const total = writes.reduce((sum, write) => sum + write.messages.length, 0);
  if (total > maxImportedMessages) {
    throw invalid(`A file may hold at most ${maxImportedMessages} messages.`, { reason: 'too_many' });
  }
  // Inline images become attachments of the importer (checked and re-encoded like uploads), so
  // they can be sent to a vision model; refused ones become a short note. Stored before the
  // transaction: if it fails they stay unsent uploads, which the sweep removes.
  const adopted: Awaited<ReturnType<typeof adoptImageParts<ConversationWithMessages['messages'][number]>>>[] = [];
  for (const write of writes) {
    adopted.push(await adoptImageParts(db, ownerId, write.messages, async (part) => dataUrlBytes(part.url)));
  }
  const created = await db.transaction(async (tx) => {
    const rows = [];
    for (const [index, write] of writes.entries()) {
      const messages = adopted[index]!.messages;
      rows.push(await createConversationWithMessages(tx as unknown as Database, ownerId, { ...write, messages }));
    }
    return rows;
  });
  for (const [index, row] of created.entries()) await adopted[index]!.claim(db, row.id);
  return {
    format,
    conversations: created.map((row, index) => ({
      id: row.id,
      title: row.title,
      messageCount: writes[index]!.messages.length,
    })),
  };
}
