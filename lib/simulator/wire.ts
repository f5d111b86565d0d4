import type { Completion } from './completion';

/** Response objects in the exact shape and key order of DeepSeek's recorded responses. */

export interface ResponseMeta {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string;
  thinking: boolean;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
  prompt_cache_hit_tokens: number;
  prompt_cache_miss_tokens: number;
}

type Delta = Record<string, string | null>;

export function usageOf(meta: ResponseMeta, completion: Completion, promptTokens: number, hitTokens: number): Usage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion.completionTokens,
    total_tokens: promptTokens + completion.completionTokens,
    prompt_tokens_details: { cached_tokens: hitTokens },
    ...(meta.thinking ? { completion_tokens_details: { reasoning_tokens: completion.reasoningTokens } } : {}),
    prompt_cache_hit_tokens: hitTokens,
    prompt_cache_miss_tokens: promptTokens - hitTokens,
  };
}

function chunk(meta: ResponseMeta, delta: Delta, finishReason: string | null = null, usage: Usage | null = null) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: meta.systemFingerprint,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage,
  };
}

/** The opening delta: `reasoning_content: ""` in thinking mode is a placeholder, not reasoning. */
export function roleChunk(meta: ResponseMeta) {
  return chunk(
    meta,
    meta.thinking ? { role: 'assistant', content: null, reasoning_content: '' } : { role: 'assistant', content: '' },
  );
}

export function reasoningChunk(meta: ResponseMeta, text: string) {
  return chunk(meta, { content: null, reasoning_content: text });
}

export function contentChunk(meta: ResponseMeta, text: string) {
  return chunk(meta, meta.thinking ? { content: text, reasoning_content: null } : { content: text });
}

export function finishChunk(meta: ResponseMeta, finishReason: string, usage: Usage) {
  return chunk(meta, meta.thinking ? { content: '', reasoning_content: null } : { content: '' }, finishReason, usage);
}

export function completionObject(meta: ResponseMeta, completion: Completion, usage: Usage) {
  const message = meta.thinking
    ? { role: 'assistant', content: completion.content, reasoning_content: completion.reasoning }
    : { role: 'assistant', content: completion.content };
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: completion.finishReason }],
    usage,
    system_fingerprint: meta.systemFingerprint,
  };
}
