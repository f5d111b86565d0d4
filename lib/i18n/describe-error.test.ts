import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { describeError } from './describe-error';
import { formatDuration } from './format';
import { translate } from './languages';

describe('describeError for quota refusals', () => {
  const refusal = new AppError('rate_limit:chat', {
    retryAfterSeconds: 3 * 3600 + 12 * 60,
    details: {
      limit: 'tokens_per_day',
      limitValue: 1000,
      used: 1000,
      remaining: 0,
      resetAt: '2026-11-16T00:00:00.000Z',
    },
  });

  it('names the limit and when it resets, in both languages', () => {
    const description = describeError(refusal);
    expect(description.key).toBe('errors.quota.tokens_per_day');
    for (const [language, expected] of [
      ['en', 'Daily token quota reached — resets at 00:00 UTC (in 3 h 12 min).'],
      ['zh-CN', '已用完今日 token 配额——将于 UTC 00:00 重置（3 小时 12 分钟后）。'],
    ] as const) {
      const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
        translate(language, key, vars);
      const wait = formatDuration(description.waitSeconds ?? 0, t);
      expect(t(description.key, { ...description.vars, wait })).toBe(expected);
    }
  });

  it('counts down with the banner and keeps other 429s generic', () => {
    expect(describeError(refusal, 59).waitSeconds).toBe(59);
    expect(describeError(new AppError('rate_limit:chat', { retryAfterSeconds: 5 })).key).toBe('errors.rate_limit.wait');
  });
});
