import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { ChatMetadata } from '@/lib/chat/types';

export interface UIChunk {
  type: string;
  [key: string]: unknown;
}

export interface CollectedStream {
  chunks: UIChunk[];
  text: string;
  reasoning: string;
  metadata: ChatMetadata;
  messageId?: string;
  errors: Array<{ code: string; message: string; retryAfterSeconds?: number }>;
  done: boolean;
}

/**
 * Reads a UI message stream the way the browser's useChat does: text and reasoning deltas,
 * merged metadata, typed errors. `until` can cancel the read early (a disconnect).
 */
export async function collectUIStream(
  response: Response,
  until?: (collected: CollectedStream) => boolean,
): Promise<CollectedStream> {
  if (!response.body) throw new Error('response has no body');
  const collected: CollectedStream = { chunks: [], text: '', reasoning: '', metadata: {}, errors: [], done: false };
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.data === '[DONE]') {
      collected.done = true;
      continue;
    }
    const chunk = JSON.parse(value.data) as UIChunk;
    collected.chunks.push(chunk);
    if (chunk.type === 'text-delta') collected.text += String(chunk.delta);
    if (chunk.type === 'reasoning-delta') collected.reasoning += String(chunk.delta);
    if (chunk.type === 'start' && typeof chunk.messageId === 'string') collected.messageId = chunk.messageId;
    if (chunk.messageMetadata) Object.assign(collected.metadata, chunk.messageMetadata);
    if (chunk.type === 'error') collected.errors.push(JSON.parse(String(chunk.errorText)));
    if (until?.(collected)) {
      await reader.cancel();
      break;
    }
  }
  return collected;
}
