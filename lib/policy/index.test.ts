import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTestRedis, deleteKeys, randomPrefix, testRedisUrl } from '@/tests/support/redis';
import { closePolicy, createPolicy, getAuthLimiter, getLimiter, type Policy, requestIp } from './index';
import { RedisLimitStore } from './redis-store';
import { MemoryLimitStore } from './store';

const opened: Policy[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((policy) => policy.store.close()));
  await closePolicy();
});

describe('createPolicy', () => {
  it('keeps limits in process without REDIS_URL', async () => {
    const policy = createPolicy({
      REDIS_URL: undefined,
      RATE_LIMIT_PREFIX: randomPrefix(),
      STREAM_LEASE_TTL_SECONDS: 900,
    });
    opened.push(policy);
    expect(policy.store).toBeInstanceOf(MemoryLimitStore);
    const lease = await policy.limiter.admit({ userId: randomUUID(), role: 'guest', reserveTokens: 10 });
    await lease.settle({ usedTokens: 5 });
  });

  it.skipIf(testRedisUrl === 'none')('shares limits through Redis under the configured prefix', async () => {
    const prefix = randomPrefix();
    const config = { REDIS_URL: testRedisUrl, RATE_LIMIT_PREFIX: prefix, STREAM_LEASE_TTL_SECONDS: 900 };
    const [a, b] = [createPolicy(config), createPolicy(config)];
    opened.push(a, b);
    expect(a.store).toBeInstanceOf(RedisLimitStore);
    const userId = randomUUID();
    const overrides = { concurrentStreams: 1 };
    const lease = await a.limiter.admit({ userId, role: 'user', overrides, reserveTokens: 10 });
    await expect(b.limiter.admit({ userId, role: 'user', overrides, reserveTokens: 10 })).rejects.toMatchObject({
      status: 429,
    });
    await lease.settle({ usedTokens: 10 });

    const admin = connectTestRedis();
    const keys = await admin.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${prefix}:rl:{${userId}}:`))).toBe(true);
    await deleteKeys(admin, prefix);
    await admin.quit();
  });
});

describe('the process-wide policy', () => {
  it('builds one limiter from env and rebuilds it after closing', async () => {
    const limiter = getLimiter();
    expect(getLimiter()).toBe(limiter);
    expect(getAuthLimiter()).toBe(getAuthLimiter());
    await closePolicy();
    expect(getLimiter()).not.toBe(limiter);
  });

  it('reads client addresses with the configured hop count (0 by default)', () => {
    const request = new Request('http://localhost/', { headers: { 'x-forwarded-for': '6.6.6.6' } });
    expect(requestIp(request)).toBe('unknown');
  });
});
