import { describe, expect, it } from 'vitest';
import type { ChatMetadata } from '@/lib/chat/types';
import { leadersOf, metricsOf } from './metrics';

const answer = (
  durationMs: number,
  outputTokens: number,
  amount: number,
  status: ChatMetadata['status'] = 'complete',
) =>
  metricsOf({
    status,
    timing: { startedAt: 0, firstTokenMs: 200, durationMs },
    usage: {
      inputTokens: 10,
      cacheHitTokens: 4,
      cacheMissTokens: 6,
      outputTokens,
      reasoningTokens: 0,
      totalTokens: 10 + outputTokens,
    },
    cost: { amount, currency: 'USD' },
  });

describe('metricsOf', () => {
  it('derives tokens per second from the streaming time after the first token', () => {
    expect(answer(2200, 100, 0.01).tokensPerSecond).toBe(50);
    expect(metricsOf({ status: 'complete', timing: { startedAt: 0 } }).tokensPerSecond).toBeUndefined();
    expect(metricsOf(undefined)).toEqual({});
  });
});

describe('leadersOf', () => {
  it('marks the fastest, cheapest and longest complete answers', () => {
    const leaders = leadersOf([answer(3000, 300, 0.03), answer(1000, 50, 0.02), answer(2000, 120, 0.01)]);
    expect(leaders).toEqual({ fastest: 1, cheapest: 2, longest: 0 });
  });

  it('ignores failed or stopped answers and needs two to compare', () => {
    expect(leadersOf([answer(10, 999, 0, 'error'), answer(1000, 50, 0.02)])).toEqual({
      fastest: undefined,
      cheapest: undefined,
      longest: undefined,
    });
    expect(leadersOf([answer(10, 10, 0.001, 'interrupted'), answer(900, 5, 0.5), answer(800, 5, 0.5)])).toMatchObject({
      fastest: 2,
      cheapest: 1,
      longest: 1,
    });
  });
});
