import 'server-only';
import { type LanguageModel, type LanguageModelMiddleware, type ModelMessage, wrapLanguageModel } from 'ai';
import type { ChatMessage } from '@/lib/chat/types';
import { env } from '@/lib/env';
import { getMetrics } from '@/lib/metrics';
import type { CallSettings } from '@/lib/models';
import { type CacheLookup, type CacheStatus, cacheKey } from './cache';
import { cacheMiddleware } from './cache/middleware';
import { getResponseCache } from './cache/runtime';
import { createWordFilter, outputFilterMiddleware, parseWordList, type WordFilter } from './output-filter';
import { mergeRedactions, type Redaction, redactText } from './pii';

/**
 * What the gateway adds to a chat turn, kept out of lib/chat/turn.ts: PII redaction of the new
 * message, the response cache and the output word filter (both as middleware around the model),
 * and the flag a filtered answer carries into its audit row.
 */

/** The new user message with PII replaced (PII_REDACTION=true) and what was replaced, on its metadata. */
export function redactUserMessage(message: ChatMessage): ChatMessage {
  if (!env.PII_REDACTION) return message;
  const found: Redaction[][] = [];
  const parts = message.parts.map((part) => {
    if (part.type !== 'text') return part;
    const { text, redactions } = redactText(part.text);
    found.push(redactions);
    return { ...part, text };
  });
  const redactions = mergeRedactions(found);
  if (redactions.length === 0) return message;
  return { ...message, parts, metadata: { ...message.metadata, redactions } };
}

export function redactionCount(message: ChatMessage | undefined): number {
  return (message?.metadata?.redactions ?? []).reduce((sum, { count }) => sum + count, 0);
}

export interface ChatGatewayInput {
  userId: string;
  settings: CallSettings;
  system?: string;
  messages: ModelMessage[];
  trigger: 'submit-message' | 'regenerate-message' | 'continue-message';
  /** The request asked for caching of a thinking-off answer at a temperature above 0. */
  cacheOptIn: boolean;
}

export interface ChatGateway {
  cacheStatus: CacheStatus;
  /** The turn's model with the cache and the output filter around it. */
  model(base: LanguageModel): LanguageModel;
  /** The output filter masked at least one word. */
  readonly flagged: boolean;
}

let wordFilter: WordFilter | undefined;

/** The output word filter from OUTPUT_FILTER_WORDS, built once. */
export function outputWordFilter(): WordFilter {
  wordFilter ??= createWordFilter(parseWordList(env.OUTPUT_FILTER_WORDS));
  return wordFilter;
}

/** `base` with the output filter around it (when a word list is configured); `onFlag` on the first mask. */
export function filteredModel(base: LanguageModel, onFlag: () => void): LanguageModel {
  const filter = outputWordFilter();
  if (!filter.enabled) return base;
  return wrapLanguageModel({
    model: base as Parameters<typeof wrapLanguageModel>[0]['model'],
    middleware: outputFilterMiddleware(filter, onFlag),
  });
}

export async function openChatGateway(input: ChatGatewayInput): Promise<ChatGateway> {
  const filter = outputWordFilter();
  const metrics = getMetrics();
  let lookup: CacheLookup | undefined;
  const cache = getResponseCache();
  if (cache && isCacheable(input)) {
    const { settings } = input;
    lookup = await cache.lookup(
      cacheKey({
        scope: input.userId,
        model: settings.model,
        thinking: settings.thinking,
        effort: settings.effort,
        system: input.system,
        messages: input.messages,
        sampling: {
          temperature: settings.temperature,
          topP: settings.topP,
          maxOutputTokens: settings.maxOutputTokens,
          stop: settings.stopSequences,
          frequencyPenalty: settings.frequencyPenalty,
          presencePenalty: settings.presencePenalty,
          jsonOutput: settings.jsonOutput,
          filter: env.OUTPUT_FILTER_WORDS,
        },
      }),
    );
  }
  const cacheStatus: CacheStatus = lookup?.status ?? 'BYPASS';
  metrics.cache.inc({ status: cacheStatus.toLowerCase() });

  let flagged = false;
  const middleware: LanguageModelMiddleware[] = [];
  if (lookup) middleware.push(cacheMiddleware(lookup));
  // Inside the cache: a stored answer was filtered when it was made.
  if (filter.enabled) {
    middleware.push(
      outputFilterMiddleware(filter, () => {
        flagged = true;
      }),
    );
  }
  return {
    cacheStatus,
    model: (base) =>
      middleware.length === 0
        ? base
        : wrapLanguageModel({ model: base as Parameters<typeof wrapLanguageModel>[0]['model'], middleware }),
    get flagged() {
      return flagged;
    },
  };
}

/**
 * The model cannot take a conversation that ends with its own answer (DeepSeek wants a user turn
 * last unless in beta prefix mode); for a continuation an instruction follows the partial answer.
 * It is sent, never stored.
 */
export function withContinuation(messages: ModelMessage[], trigger: ChatGatewayInput['trigger']): ModelMessage[] {
  if (trigger !== 'continue-message') return messages;
  return [
    ...messages,
    {
      role: 'user',
      content:
        'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything and without any preamble.',
    },
  ];
}

/**
 * Deterministic requests only: temperature 0 with thinking off (thinking ignores temperature), or
 * thinking off with the request's explicit opt-in. A regenerate asks for a new answer: bypassed.
 */
function isCacheable({ settings, trigger, cacheOptIn }: ChatGatewayInput): boolean {
  if (trigger !== 'submit-message' || settings.thinking) return false;
  return settings.temperature === 0 || cacheOptIn;
}
