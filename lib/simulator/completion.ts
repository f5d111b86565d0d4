import { randomUUID } from 'node:crypto';
import { generate } from './generate';
import { createRandom, seedFrom } from './random';
import { pieces, splitEvenly, tokenize } from './tokens';
import type { ChatRequest } from './validate';

/**
 * One completion, fully decided before the first byte: text, how it is cut into deltas, why it
 * finished, and the completion token counts. Streaming and non-streaming answers share it.
 */
export interface Completion {
  reasoning: string;
  content: string;
  reasoningPieces: string[];
  contentPieces: string[];
  finishReason: 'stop' | 'length';
  reasoningTokens: number;
  completionTokens: number;
}

export interface CompletionOptions {
  /** Exact number of content deltas (`chunks=N` fault item). */
  chunks?: number;
}

/**
 * Identical requests get identical answers when sampling is off: temperature 0, or thinking mode
 * (where the real API ignores temperature). Otherwise a nonce makes each answer differ.
 */
export function seedFor(request: ChatRequest): number {
  const deterministic = request.thinking || request.temperature === 0;
  const key = JSON.stringify([request.model, request.messages]);
  return seedFrom(deterministic ? key : `${key}\u0000${randomUUID()}`);
}

function cutAtStop(text: string, stops: readonly string[]): { text: string; stopped: boolean } {
  let cut = -1;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at !== -1 && (cut === -1 || at < cut)) cut = at;
  }
  return cut === -1 ? { text, stopped: false } : { text: text.slice(0, cut), stopped: true };
}

export function planCompletion(request: ChatRequest, options: CompletionOptions = {}): Completion {
  const random = createRandom(seedFor(request));
  const generated = generate(request, random, options.chunks ?? 0);
  const budget = request.maxTokens ?? Number.POSITIVE_INFINITY;

  let reasoningTokens = tokenize(generated.reasoning);
  let contentTokens = tokenize(cutAtStop(generated.answer, request.stop).text);
  let finishReason: Completion['finishReason'] = 'stop';

  if (reasoningTokens.length >= budget) {
    if (reasoningTokens.length > budget || contentTokens.length > 0) finishReason = 'length';
    reasoningTokens = reasoningTokens.slice(0, budget);
    contentTokens = [];
  } else if (contentTokens.length > budget - reasoningTokens.length) {
    contentTokens = contentTokens.slice(0, budget - reasoningTokens.length);
    finishReason = 'length';
  }

  return {
    reasoning: reasoningTokens.join(''),
    content: contentTokens.join(''),
    reasoningPieces: pieces(reasoningTokens, random),
    contentPieces: options.chunks ? splitEvenly(contentTokens, options.chunks) : pieces(contentTokens, random),
    finishReason,
    reasoningTokens: reasoningTokens.length,
    completionTokens: reasoningTokens.length + contentTokens.length,
  };
}
