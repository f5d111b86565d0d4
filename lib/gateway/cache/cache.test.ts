import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, deleteKeys, randomPrefix, testRedisUrl } from '@/tests/support/redis';
import { cacheKey, ResponseCache } from './index';
import { type CacheStore, MemoryCacheStore, RedisCacheStore } from './store';

const answer = (text: string) => ({ parts: [{ type: 'text-delta', id: '0', delta: text }], storedAt: 1 });

describe('cache key', () => {
  const base = {
    scope: 'user-1',
    model: 'deepseek-flash',
    thinking: false,
    system: 'Be brief.',
    messages: [{ role: 'user', content: 'hi' }],
    sampling: { temperature: 0, maxOutputTokens: 100 },
  };

  it('is stable under key order and undefined fields', () => {
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...base, sampling: { maxOutputTokens: 100, temperature: 0, topP: undefined } })).toBe(
      cacheKey(base),
    );
  });

  it('differs by user, model, thinking, system, messages and every sampling parameter', () => {
    const variants = [
      { ...base, scope: 'user-2' },
      { ...base, model: 'deepseek-v4-pro' },
      { ...base, thinking: true },
      { ...base, effort: 'max' },
      { ...base, system: undefined },
      { ...base, messages: [{ role: 'user', content: 'hi!' }] },
      { ...base, sampling: { ...base.sampling, temperature: 0.1 } },
      { ...base, sampling: { ...base.sampling, maxOutputTokens: 101 } },
      { ...base, sampling: { ...base.sampling, stop: ['\n'] } },
    ];
    const keys = new Set([cacheKey(base), ...variants.map(cacheKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});

describe('in-process store', () => {
  it('expires entries after the TTL and evicts the least recently used', async () => {
    let now = 0;
    const store = new MemoryCacheStore(2, () => now);
    await store.set('a', answer('A'), 1_000);
    await store.set('b', answer('B'), 1_000);
    await store.get('a'); // a is now the most recent
    await store.set('c', answer('C'), 1_000);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toEqual(answer('A'));
    now = 1_000;
    expect(await store.get('a')).toBeUndefined();
  });
});

const redisPrefix = randomPrefix();
const redisConnections: ReturnType<typeof connectTestRedis>[] = [];
afterAll(async () => {
  if (testRedisUrl === 'none') return;
  const admin = connectTestRedis();
  await deleteKeys(admin, redisPrefix);
  await admin.quit();
  await Promise.all(redisConnections.map((redis) => redis.quit()));
});

const kinds = testRedisUrl === 'none' ? (['memory'] as const) : (['memory', 'redis'] as const);

for (const kind of kinds) {
  const newStore = (): CacheStore => {
    if (kind === 'memory') return new MemoryCacheStore(100);
    const redis = connectTestRedis();
    redisConnections.push(redis);
    return new RedisCacheStore(redis, redisPrefix);
  };

  describe(`single flight [${kind}]`, () => {
    it('a miss leads; nine identical lookups meanwhile get its answer as hits', async () => {
      const cache = new ResponseCache(newStore(), { ttlMs: 60_000, waitMs: 5_000, pollMs: 20 });
      const key = `k-${kind}-${Math.random()}`;
      const leader = await cache.lookup(key);
      expect(leader.status).toBe('MISS');
      const followers = Array.from({ length: 9 }, () => cache.lookup(key));
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (leader.status === 'MISS') await leader.lead?.commit(answer('the answer'));
      const results = await Promise.all(followers);
      expect(results.map((result) => result.status)).toEqual(Array(9).fill('HIT'));
      expect(results.every((result) => result.status === 'HIT' && result.answer.parts.length === 1)).toBe(true);
      expect((await cache.lookup(key)).status).toBe('HIT');
    });

    it('all ten started at once still elect exactly one leader', async () => {
      const cache = new ResponseCache(newStore(), { ttlMs: 60_000, waitMs: 5_000, pollMs: 20 });
      const key = `k2-${kind}-${Math.random()}`;
      const pending = Array.from({ length: 10 }, () => cache.lookup(key));
      // The leader resolves first (the followers wait for its answer).
      const leader = await Promise.race(pending);
      expect(leader.status).toBe('MISS');
      if (leader.status === 'MISS') await leader.lead?.commit(answer('x'));
      const statuses = (await Promise.all(pending)).map((result) => result.status);
      expect(statuses.filter((status) => status === 'MISS')).toHaveLength(1);
      expect(statuses.filter((status) => status === 'HIT')).toHaveLength(9);
    });

    it('a leader that gives up lets the others call upstream themselves', async () => {
      const cache = new ResponseCache(newStore(), { ttlMs: 60_000, waitMs: 5_000, pollMs: 20 });
      const key = `k3-${kind}-${Math.random()}`;
      const leader = await cache.lookup(key);
      const follower = cache.lookup(key);
      if (leader.status === 'MISS') leader.lead?.abandon();
      expect((await follower).status).toBe('MISS');
      expect(await cache.store.get(key)).toBeUndefined();
    });
  });
}

describe.skipIf(testRedisUrl === 'none')('single flight across instances [redis]', () => {
  it('a second instance waits for the first one’s answer instead of calling upstream', async () => {
    const first = new ResponseCache(newRedisStore(), { ttlMs: 60_000, waitMs: 5_000, pollMs: 20 });
    const second = new ResponseCache(newRedisStore(), { ttlMs: 60_000, waitMs: 5_000, pollMs: 20 });
    const key = `x-${Math.random()}`;
    const leader = await first.lookup(key);
    expect(leader.status).toBe('MISS');
    const follower = second.lookup(key);
    await new Promise((resolve) => setTimeout(resolve, 60));
    if (leader.status === 'MISS') await leader.lead?.commit(answer('shared'));
    const result = await follower;
    expect(result.status).toBe('HIT');
  });
});

function newRedisStore(): CacheStore {
  const redis = connectTestRedis();
  redisConnections.push(redis);
  return new RedisCacheStore(redis, redisPrefix);
}
