import type { ErrorCode } from '@/lib/errors';
import type { Redaction } from '@/lib/gateway/pii';
import type { UpstreamRequest } from './request';

/**
 * What `POST /api/playground/run` streams to the browser, one JSON object per line (NDJSON):
 * the request as sent, the upstream's status and headers, every raw SSE event with its arrival
 * time (ms since the server received the run), and an end line. The browser assembles the answer
 * and the numbers from these itself (`assembleRun`), so the inspector shows the raw truth.
 */
export type RunEvent =
  /** `redactions`: what PII_REDACTION replaced in the messages before this request was built. */
  | { type: 'request'; request: UpstreamRequest; requestId: string; redactions?: Redaction[] }
  | { type: 'response'; t: number; status: number; headers: Record<string, string> }
  /** `data` is the raw text after `data:`; `comment` a line starting with `:` (keep-alive). */
  | { type: 'sse'; t: number; data?: string; comment?: string }
  | { type: 'error'; t: number; error: { code: ErrorCode; message: string; retryAfterSeconds?: number } }
  /**
   * `cost`: what the run was charged, by the registry's prices at the time of the request;
   * `flagged`: the output word filter masked something in the events above.
   */
  | {
      type: 'end';
      t: number;
      requestId: string;
      stopped: boolean;
      cost?: { amount: number; currency: string };
      flagged?: boolean;
    };

/** Splits an SSE byte stream into events; feed text as it arrives, get complete events back. */
export class SseSplitter {
  #buffer = '';

  push(text: string): { data?: string; comment?: string }[] {
    this.#buffer += text;
    const out: { data?: string; comment?: string }[] = [];
    let boundary = this.#buffer.search(/\r?\n\r?\n/);
    while (boundary >= 0) {
      const block = this.#buffer.slice(0, boundary);
      this.#buffer = this.#buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      out.push(...parseBlock(block));
      boundary = this.#buffer.search(/\r?\n\r?\n/);
    }
    return out;
  }

  /** Whatever is left when the stream ends (a last event without its blank line). */
  flush(): { data?: string; comment?: string }[] {
    const rest = this.#buffer;
    this.#buffer = '';
    return rest.trim() === '' ? [] : parseBlock(rest);
  }
}

function parseBlock(block: string): { data?: string; comment?: string }[] {
  const data: string[] = [];
  const out: { data?: string; comment?: string }[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) out.push({ comment: line.slice(1).trim() });
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length > 0) out.push({ data: data.join('\n') });
  return out;
}

export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_cache_hit_tokens?: number;
  prompt_cache_miss_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

interface WireChunk {
  id?: string;
  choices?: {
    delta?: { content?: string | null; reasoning_content?: string | null; reasoning?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: WireUsage | null;
}

/** One parsed `data:` payload: its deltas, finish reason and usage (absent fields undefined). */
export function readChunk(data: string):
  | {
      reasoning: string;
      content: string;
      finishReason?: string;
      usage?: WireUsage;
      id?: string;
    }
  | undefined {
  if (data === '[DONE]') return undefined;
  let chunk: WireChunk;
  try {
    chunk = JSON.parse(data) as WireChunk;
  } catch {
    return undefined;
  }
  const choice = chunk.choices?.[0];
  return {
    // vLLM and Ollama name it `reasoning`; DeepSeek and SGLang `reasoning_content`.
    reasoning: choice?.delta?.reasoning_content ?? choice?.delta?.reasoning ?? '',
    content: choice?.delta?.content ?? '',
    finishReason: choice?.finish_reason ?? undefined,
    usage: chunk.usage ?? undefined,
    id: chunk.id,
  };
}

export interface RunUsage {
  promptTokens: number;
  cacheHitTokens: number;
  cacheMissTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  totalTokens: number;
}

export function toRunUsage(usage: WireUsage): RunUsage {
  const promptTokens = usage.prompt_tokens ?? 0;
  const cacheHitTokens = usage.prompt_cache_hit_tokens ?? usage.prompt_tokens_details?.cached_tokens ?? 0;
  const outputTokens = usage.completion_tokens ?? 0;
  return {
    promptTokens,
    cacheHitTokens,
    cacheMissTokens: usage.prompt_cache_miss_tokens ?? Math.max(0, promptTokens - cacheHitTokens),
    outputTokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    totalTokens: usage.total_tokens ?? promptTokens + outputTokens,
  };
}
