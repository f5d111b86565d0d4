import { describe, expect, it } from 'vitest';
import { countTokens } from '@/lib/simulator/tokens';
import { estimatePromptTokens, estimateTokens, MESSAGE_OVERHEAD_TOKENS, outputBudget, reservationFor } from './tokens';

describe('estimateTokens', () => {
  it('counts 0.3 per Latin character and 1 per CJK character or symbol, rounded up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
    expect(estimateTokens('hello world')).toBe(4); // 11 × 0.3 = 3.3
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('こんにちは')).toBe(5);
    expect(estimateTokens('안녕')).toBe(2);
    expect(estimateTokens('DeepSeek 模型')).toBe(5); // 9 × 0.3 + 2
    expect(estimateTokens('f(x);')).toBe(4); // 2 × 0.3 + 3
  });

  it('counts code points, not UTF-16 units', () => {
    expect(estimateTokens('😀'.repeat(10))).toBe(10);
    expect(estimateTokens('𠀀'.repeat(10))).toBe(10);
  });

  it('does not fall below what the built-in simulator charges for prose and code', () => {
    const samples = [
      'The quick brown fox jumps over the lazy dog. '.repeat(20),
      '```ts\nconst x = await fetch(url, { method: "POST" });\n```',
      '深度求索的模型支持一百万个词元的上下文。',
    ];
    for (const text of samples) expect(estimateTokens(text)).toBeGreaterThanOrEqual(countTokens(text));
  });

  it('adds a per-message overhead for a prompt', () => {
    expect(estimatePromptTokens(['hello world', '你好'])).toBe(4 + 2 + 2 * MESSAGE_OVERHEAD_TOKENS);
  });
});

describe('reservations', () => {
  it('reserves the prompt plus the maximum output, and needs at least a short answer', () => {
    expect(reservationFor({ promptTokens: 1_000, maxOutputTokens: 8_000 })).toEqual({
      reserveTokens: 9_000,
      minTokens: 1_256,
    });
    expect(reservationFor({ promptTokens: 10, maxOutputTokens: 100, minOutputTokens: 500 })).toEqual({
      reserveTokens: 110,
      minTokens: 110,
    });
  });

  it('caps max_tokens to what the lease holds beyond the prompt', () => {
    expect(outputBudget(9_000, 1_000, 8_000)).toBe(8_000);
    expect(outputBudget(1_500, 1_000, 8_000)).toBe(500);
    expect(outputBudget(900, 1_000, 8_000)).toBe(1);
  });
});
