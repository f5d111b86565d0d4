import { createParser } from 'eventsource-parser';

/** Helpers for tests that talk to the simulator (or any DeepSeek-style SSE stream). */

export interface SseRead {
  /** Every `data:` payload in order, including `[DONE]` and malformed ones. */
  data: string[];
  /** Comment lines (e.g. `keep-alive`). */
  comments: string[];
  /** The raw body text received. */
  text: string;
  /** Set when the body ended with an error (a dropped connection) instead of a clean end. */
  error?: Error;
}

/** Reads a whole SSE response body with a spec-compliant parser. */
export async function readSse(response: Response): Promise<SseRead> {
  const read: SseRead = { data: [], comments: [], text: '' };
  const parser = createParser({
    onEvent: (event) => read.data.push(event.data),
    onComment: (comment) => read.comments.push(comment.trim()),
  });
  if (!response.body) return read;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      read.text += text;
      parser.feed(text);
    }
  } catch (error) {
    read.error = error as Error;
  }
  return read;
}

/** The JSON chunks of an SSE read (everything but `[DONE]`). Throws on a malformed chunk. */
export function chunksOf(read: SseRead): ChatChunk[] {
  return read.data.filter((data) => data !== '[DONE]').map((data) => JSON.parse(data) as ChatChunk);
}

export interface ChatChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string | null; reasoning_content?: string | null };
    logprobs: null;
    finish_reason: string | null;
  }[];
  usage: Record<string, unknown> | null;
}

/** A `POST /v1/chat/completions` request for the simulator. */
export function chatRequest(body: unknown, headers: Record<string, string> = {}, init: RequestInit = {}): Request {
  return new Request('http://simulator.test/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...init,
  });
}
