import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestRedis, deleteKeys, randomPrefix, testRedisUrl } from '@/tests/support/redis';
import { createLimiter, DAY_MS, userKeys } from './limits';
import { RedisLimitStore } from './redis-store';

const T0 = Date.UTC(2030, 0, 15, 18, 0, 0);
const MIDNIGHT = Date.UTC(2030, 0, 16);

describe.skipIf(testRedisUrl === 'none')('RedisLimitStore', () => {
  const prefix = randomPrefix();
  let redis: Redis;
  let store: RedisLimitStore;

  beforeAll(() => {
    redis = connectTestRedis();
    store = new RedisLimitStore(connectTestRedis());
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
    await store.close();
  });

  const limiter = (leaseTtlMs = 600_000) => createLimiter({ store, prefix, leaseTtlMs, clock: () => T0 });
  const overrides = { requestsPerMinute: 10, requestsPerDay: 10, tokensPerDay: 1_000, concurrentStreams: 2 };

  it('lays keys out per user under one hash tag, each with a TTL relative to the caller’s clock', async () => {
    const userId = randomUUID();
    await limiter().admit({ userId, role: 'user', overrides, reserveTokens: 10, now: T0 });
    const keys = userKeys(prefix, userId, T0);
    expect(keys.tokensPerDay).toBe(`${prefix}:rl:{${userId}}:tpd:2030-01-15`);
    const ttl = async (key: string) => redis.pttl(key);
    expect(await ttl(keys.requestsPerMinute)).toBeGreaterThan(59_000);
    expect(await ttl(keys.requestsPerMinute)).toBeLessThanOrEqual(60_000);
    for (const key of [keys.requestsPerDay, keys.tokensPerDay]) {
      expect(await ttl(key)).toBeGreaterThan(MIDNIGHT - T0 + DAY_MS - 1_000);
      expect(await ttl(key)).toBeLessThanOrEqual(MIDNIGHT - T0 + DAY_MS);
    }
    expect(await ttl(keys.streams)).toBeGreaterThan(599_000);
    expect(await redis.get(keys.tokensPerDay)).toBe('10');
  });

  it('reloads its scripts after the server lost them', async () => {
    await redis.script('FLUSH');
    const lease = await limiter().admit({ userId: randomUUID(), role: 'user', overrides, reserveTokens: 10 });
    await redis.script('FLUSH');
    await lease.settle({ usedTokens: 3 });
  });

  it('does not bring back a day counter that has expired when a late stream settles', async () => {
    const userId = randomUUID();
    const lease = await limiter().admit({ userId, role: 'user', overrides, reserveTokens: 100, now: T0 });
    const key = userKeys(prefix, userId, T0).tokensPerDay;
    await redis.del(key);
    await lease.settle({ usedTokens: 10 });
    expect(await redis.exists(key)).toBe(0);
  });

  it('never lets a refund take a counter below zero', async () => {
    const userId = randomUUID();
    const lease = await limiter().admit({ userId, role: 'user', overrides, reserveTokens: 100, now: T0 });
    const key = userKeys(prefix, userId, T0).tokensPerDay;
    await redis.set(key, 40, 'KEEPTTL');
    await lease.settle({ usedTokens: 0 });
    expect(await redis.get(key)).toBe('0');
    expect(await redis.pttl(key)).toBeGreaterThan(0);
  });
});
