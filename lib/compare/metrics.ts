import type { ChatMetadata, MessageStatus } from '@/lib/chat/types';

/** The numbers a pane shows for its latest answer. */
export interface AnswerMetrics {
  status?: MessageStatus;
  firstTokenMs?: number;
  durationMs?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  cacheHitTokens?: number;
  cacheMissTokens?: number;
  /** output tokens over the time from the first token to the end */
  tokensPerSecond?: number;
  cost?: { amount: number; currency: string };
}

/** Reads an answer's metadata (as streamed at its end, or stored). */
export function metricsOf(metadata: ChatMetadata | undefined): AnswerMetrics {
  if (!metadata) return {};
  const { usage, timing, cost, status } = metadata;
  const streamingMs =
    timing?.durationMs !== undefined && timing.firstTokenMs !== undefined
      ? timing.durationMs - timing.firstTokenMs
      : undefined;
  return {
    status,
    firstTokenMs: timing?.firstTokenMs,
    durationMs: timing?.durationMs,
    outputTokens: usage?.outputTokens,
    reasoningTokens: usage?.reasoningTokens,
    cacheHitTokens: usage?.cacheHitTokens,
    cacheMissTokens: usage?.cacheMissTokens,
    tokensPerSecond:
      usage && streamingMs !== undefined && streamingMs > 0 ? usage.outputTokens / (streamingMs / 1000) : undefined,
    cost,
  };
}

export interface Leaders {
  fastest?: number;
  cheapest?: number;
  longest?: number;
}

/**
 * Which pane's answer was fastest (total time), cheapest and longest (output tokens), among complete
 * answers only, and only when at least two are comparable. A tie goes to the first pane.
 */
export function leadersOf(answers: readonly (AnswerMetrics | undefined)[]): Leaders {
  const complete = answers.flatMap((metrics, index) => (metrics?.status === 'complete' ? [{ metrics, index }] : []));
  const pick = (value: (metrics: AnswerMetrics) => number | undefined, better: (a: number, b: number) => boolean) => {
    const candidates = complete.flatMap(({ metrics, index }) => {
      const v = value(metrics);
      return v === undefined ? [] : [{ v, index }];
    });
    if (candidates.length < 2) return undefined;
    return candidates.reduce((best, next) => (better(next.v, best.v) ? next : best)).index;
  };
  const currencies = new Set(complete.map(({ metrics }) => metrics.cost?.currency).filter(Boolean));
  return {
    fastest: pick(
      (m) => m.durationMs,
      (a, b) => a < b,
    ),
    cheapest:
      currencies.size === 1
        ? pick(
            (m) => m.cost?.amount,
            (a, b) => a < b,
          )
        : undefined,
    longest: pick(
      (m) => m.outputTokens,
      (a, b) => a > b,
    ),
  };
}
