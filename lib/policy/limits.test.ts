import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { describeEachStore } from '@/tests/support/redis';
import { type AdmitInput, createLimiter, type Lease, type Limiter } from './limits';
import { rateLimitHeaders } from './messages';
import type { LimitOverrides } from './roles';

const T0 = Date.UTC(2030, 0, 15, 12, 0, 0);
const SECOND = 1000;
const MIDNIGHT = Date.UTC(2030, 0, 16);

/** Only the limit under test applies; the others are unlimited. */
const only = (overrides: LimitOverrides): LimitOverrides => ({
  requestsPerMinute: null,
  requestsPerDay: null,
  tokensPerDay: null,
  concurrentStreams: null,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rate_limit refusal');
}

describeEachStore('limiter', (suite) => {
  const limiter = (options: { leaseTtlMs?: number } = {}): Limiter =>
    createLimiter({ store: suite.store, prefix: suite.prefix, clock: () => T0, ...options });

  const user = (overrides: LimitOverrides, role: AdmitInput['role'] = 'user') => {
    const userId = randomUUID();
    const base = { userId, role, overrides };
    return {
      admit: (l: Limiter, now: number, reserveTokens = 10, minTokens?: number) =>
        l.admit({ ...base, reserveTokens, minTokens, now }),
      usage: async (l: Limiter, now: number) =>
        Object.fromEntries((await l.usage({ ...base, now })).map((status) => [status.limit, status])),
      userId,
    };
  };

  it('lets N requests a minute through and gives the exact wait for the next', async () => {
    const l = limiter();
    const u = user(only({ requestsPerMinute: 20 }));
    for (let i = 0; i < 20; i++) await u.admit(l, T0 + i * SECOND);

    const error = await refusal(u.admit(l, T0 + 30 * SECOND));
    expect(error.code).toBe('rate_limit:chat');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.details).toMatchObject({
      limit: 'requests_per_minute',
      limitValue: 20,
      remaining: 0,
      resetAt: new Date(T0 + 60 * SECOND).toISOString(),
    });
    expect(error.message).toContain('Your limit is 20 per minute');
    expect(rateLimitHeaders(error)).toEqual({
      'Retry-After': '30',
      'RateLimit-Limit': '20',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '30',
    });

    // The first request leaves the window exactly 60 s after it was admitted.
    await expect(u.admit(l, T0 + 60 * SECOND - 1)).rejects.toThrow(AppError);
    await expect(u.admit(l, T0 + 60 * SECOND)).resolves.toBeDefined();
  });

  it('waits for enough old requests to leave when an admin lowered the limit', async () => {
    const l = limiter();
    const u = user(only({ requestsPerMinute: 5 }));
    for (let i = 0; i < 5; i++) await u.admit(l, T0 + i * SECOND);
    const lowered = l.admit({
      userId: u.userId,
      role: 'user',
      overrides: only({ requestsPerMinute: 2 }),
      reserveTokens: 1,
      now: T0 + 10 * SECOND,
    });
    // Four of the five must leave for one more to fit under 2: the fourth leaves at T0 + 63 s.
    expect((await refusal(lowered)).retryAfterSeconds).toBe(53);
  });

  it('consumes nothing when it refuses', async () => {
    const l = limiter();
    const u = user(only({ requestsPerDay: 3, tokensPerDay: 1_000, concurrentStreams: 1 }));
    const first = await u.admit(l, T0, 100);
    const before = await u.usage(l, T0 + SECOND);
    const error = await refusal(u.admit(l, T0 + SECOND, 100));
    expect(error.details).toMatchObject({ limit: 'concurrent_streams', limitValue: 1, used: 1 });
    expect(error.retryAfterSeconds).toBe(5);
    expect(await u.usage(l, T0 + SECOND)).toEqual(before);
    expect(before.requests_per_day?.used).toBe(1);
    expect(before.tokens_per_day?.used).toBe(100);
    await first.settle({ usedTokens: 100 });
  });

  it('reconciles a reservation down, up, and for an aborted stream', async () => {
    const l = limiter();
    const u = user(only({ tokensPerDay: 10_000 }));
    const refund = await u.admit(l, T0, 1_000);
    expect(refund.reservedTokens).toBe(1_000);
    expect((await u.usage(l, T0)).tokens_per_day?.used).toBe(1_000);
    await refund.settle({ usedTokens: 300 });
    expect((await u.usage(l, T0)).tokens_per_day?.used).toBe(300);

    const extra = await u.admit(l, T0, 1_000);
    await extra.settle({ usedTokens: 1_500 });
    expect((await u.usage(l, T0)).tokens_per_day?.used).toBe(1_800);

    const aborted = await u.admit(l, T0, 4_000);
    await aborted.settle({ usedTokens: 120.4 });
    const tokens = (await u.usage(l, T0)).tokens_per_day;
    expect(tokens).toMatchObject({ used: 1_921, remaining: 8_079, limitValue: 10_000 });
  });

  it('grants what remains when it covers the least the request needs', async () => {
    const l = limiter();
    const u = user(only({ tokensPerDay: 1_000 }));
    await (await u.admit(l, T0, 800)).settle({ usedTokens: 800 });

    const partial = await u.admit(l, T0, 500, 100);
    expect(partial.reservedTokens).toBe(200);
    await partial.settle({ usedTokens: 0 });

    const error = await refusal(u.admit(l, T0, 500, 300));
    expect(error.details).toMatchObject({ limit: 'tokens_per_day', remaining: 200, requested: 300 });
    expect(error.message).toContain('only 200 of today');
    expect(error.retryAfterSeconds).toBe((MIDNIGHT - T0) / 1000);

    const tooBig = await refusal(u.admit(l, T0, 5_000));
    expect(tooBig.message).toContain('more than your daily quota of 1,000');
  });

  it('resets the day quotas at 00:00 UTC', async () => {
    const l = limiter();
    const u = user(only({ requestsPerDay: 2, tokensPerDay: 50 }));
    const late = MIDNIGHT - 60 * SECOND;
    await u.admit(l, late - SECOND, 10);
    await u.admit(l, late, 10);
    const error = await refusal(u.admit(l, late, 10));
    expect(error.details).toMatchObject({ limit: 'requests_per_day', resetAt: '2030-01-16T00:00:00.000Z' });
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toContain('00:00 UTC, in 1 min');

    await expect(u.admit(l, MIDNIGHT - 1, 10)).rejects.toThrow(AppError);
    const next = await u.admit(l, MIDNIGHT, 10);
    expect(next.limits.find((status) => status.limit === 'requests_per_day')).toMatchObject({ used: 1, remaining: 1 });
  });

  it('charges a stream that ends after midnight to the day it started', async () => {
    const l = createLimiter({ store: suite.store, prefix: suite.prefix, clock: () => MIDNIGHT + 30 * SECOND });
    const u = user(only({ tokensPerDay: 1_000 }));
    const lease = await u.admit(l, MIDNIGHT - 30 * SECOND, 100);
    await lease.settle({ usedTokens: 70 });
    expect((await u.usage(l, MIDNIGHT - SECOND)).tokens_per_day?.used).toBe(70);
    expect((await u.usage(l, MIDNIGHT + SECOND)).tokens_per_day?.used).toBe(0);
  });

  it('caps concurrent streams; settling frees the slot, twice is once', async () => {
    const l = limiter();
    const u = user(only({ concurrentStreams: 2, tokensPerDay: 1_000 }));
    const a = await u.admit(l, T0, 100);
    const b = await u.admit(l, T0, 100);
    const error = await refusal(u.admit(l, T0, 100));
    expect(error.details).toMatchObject({ limit: 'concurrent_streams', limitValue: 2, remaining: 0 });
    expect(error.message).toContain('2 answers being written');

    await Promise.all([a.settle({ usedTokens: 40 }), a.settle({ usedTokens: 40 })]);
    await a.settle({ usedTokens: 999 });
    const usage = await u.usage(l, T0);
    expect(usage.concurrent_streams?.used).toBe(1);
    expect(usage.tokens_per_day?.used).toBe(140);

    const c = await u.admit(l, T0, 100);
    await Promise.all([b.settle({ usedTokens: 0 }), c.settle({ usedTokens: 0 })]);
    expect((await u.usage(l, T0)).concurrent_streams?.used).toBe(0);
  });

  it('frees the slot of a lease nobody settled once its TTL passes', async () => {
    const l = limiter({ leaseTtlMs: 60 * SECOND });
    const u = user(only({ concurrentStreams: 1 }));
    await u.admit(l, T0); // leaked: never settled
    const error = await refusal(u.admit(l, T0 + 58 * SECOND));
    expect(error.retryAfterSeconds).toBe(2);
    await expect(u.admit(l, T0 + 60 * SECOND - 1)).rejects.toThrow(AppError);
    await expect(u.admit(l, T0 + 60 * SECOND)).resolves.toBeDefined();
  });

  it('admits exactly M of N concurrent requests, across two app instances', async () => {
    const instances = [suite.store, suite.secondStore()].map((store) =>
      createLimiter({ store, prefix: suite.prefix, clock: () => T0 }),
    );
    for (const overrides of [
      only({ requestsPerMinute: 10 }),
      only({ requestsPerDay: 10 }),
      only({ tokensPerDay: 1_000 }),
      only({ concurrentStreams: 10 }),
    ]) {
      const u = user(overrides);
      const attempts = Array.from({ length: 20 }, (_, i) => u.admit(instances[i % 2]!, T0, 100));
      const outcomes = await Promise.allSettled(attempts);
      const passed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(passed, JSON.stringify(overrides)).toHaveLength(10);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect((outcome.reason as AppError).status).toBe(429);
      }
      await Promise.all(
        passed.map((outcome) => (outcome as PromiseFulfilledResult<Lease>).value.settle({ usedTokens: 100 })),
      );
    }
  });

  it('sends the headers of the tightest quota', async () => {
    const l = limiter();
    const u = user({ requestsPerMinute: 10, requestsPerDay: 100, tokensPerDay: 1_000, concurrentStreams: 5 });
    const lease = await u.admit(l, T0, 800);
    // tokens: 200 of 1,000 left (20 %) is tighter than 9 of 10 a minute or 99 of 100 a day.
    expect(lease.headers).toEqual({
      'RateLimit-Limit': '1000',
      'RateLimit-Remaining': '200',
      'RateLimit-Reset': String((MIDNIGHT - T0) / 1000),
    });
    await lease.settle({ usedTokens: 10 });
    const next = await u.admit(l, T0 + 15 * SECOND, 10);
    expect(next.headers).toEqual({ 'RateLimit-Limit': '10', 'RateLimit-Remaining': '8', 'RateLimit-Reset': '45' });
    await next.settle({ usedTokens: 10 });
  });

  it('counts unlimited quotas without refusing or sending headers for them', async () => {
    const l = limiter();
    const u = user(only({}), 'admin');
    for (let i = 0; i < 30; i++) await (await u.admit(l, T0, 1_000)).settle({ usedTokens: 1_000 });
    const lease = await u.admit(l, T0, 1);
    expect(lease.headers).toEqual({});
    const usage = await u.usage(l, T0);
    expect(usage.requests_per_day).toMatchObject({ used: 31, limitValue: null, remaining: null });
    expect(usage.tokens_per_day?.used).toBe(30_001);
  });

  it('refuses a blocked user (limit 0) with a plain sentence', async () => {
    const error = await refusal(user(only({ requestsPerDay: 0 })).admit(limiter(), T0));
    expect(error.message).toMatch(/not allowed to start answers/);
  });

  it('resets a user’s counters on an admin’s request', async () => {
    const l = limiter();
    const u = user(only({ requestsPerDay: 1, requestsPerMinute: 1 }));
    await u.admit(l, T0);
    await expect(u.admit(l, T0)).rejects.toThrow(AppError);
    await l.resetUsage(u.userId, T0);
    await expect(u.admit(l, T0)).resolves.toBeDefined();
  });

  it('uses the surface it is given', async () => {
    const error = await refusal(
      limiter().admit({
        userId: randomUUID(),
        role: 'user',
        overrides: only({ requestsPerDay: 0 }),
        reserveTokens: 1,
        surface: 'api',
      }),
    );
    expect(error.code).toBe('rate_limit:api');
  });
});
