import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';
import { quotaSuite } from '../support/quota-suite';
import { connectTestRedis, deleteKeys, randomPrefix, testRedisUrl } from '../support/redis';

/** The same quota suite with REDIS_URL set, and two app instances sharing one user's limits. */

const enabled = testRedisUrl !== 'none';
const prefix = randomPrefix();
let app: TestApp;

beforeAll(async () => {
  if (!enabled) return;
  process.env.REDIS_URL = testRedisUrl;
  process.env.RATE_LIMIT_PREFIX = prefix;
  app = await loadApp();
});

afterAll(async () => {
  if (!enabled) return;
  const { closePolicy } = await import('@/lib/policy');
  await closePolicy();
  const redis = connectTestRedis();
  await deleteKeys(redis, prefix);
  await redis.quit();
});

if (enabled) quotaSuite('quotas through the chat route [redis]', () => app);

describe.skipIf(!enabled)('two app instances on one Redis', () => {
  it('share one per-minute limit: what one instance admits, the other counts', async () => {
    const { createPolicy } = await import('@/lib/policy');
    const { updateUser } = await import('@/lib/db/queries/users');
    const other = createPolicy({ REDIS_URL: testRedisUrl, RATE_LIMIT_PREFIX: prefix, STREAM_LEASE_TTL_SECONDS: 900 });
    try {
      const session = await app.signIn('user');
      const overrides = { requestsPerMinute: 3 };
      await updateUser(app.db, session.user.id, { limitOverrides: overrides });
      const admit = () => other.limiter.admit({ userId: session.user.id, role: 'user', overrides, reserveTokens: 10 });
      // Instance B admits two requests, instance A (the route) the third, and then refuses a fourth.
      await (await admit()).settle({ usedTokens: 10 });
      await (await admit()).settle({ usedTokens: 10 });
      expect((await session.turn('third, on the other instance')).response.status).toBe(200);
      const refused = await session.postChat({
        message: { id: 'm4', role: 'user', parts: [{ type: 'text', text: 'fourth' }] },
        model: 'deepseek-flash',
        params: { thinking: false },
      });
      expect(refused.status).toBe(429);
      await expect(admit()).rejects.toMatchObject({ code: 'rate_limit:chat' });
      const usage = await other.limiter.usage({ userId: session.user.id, role: 'user', overrides });
      expect(usage.find((status) => status.limit === 'requests_per_minute')?.used).toBe(3);
    } finally {
      await other.store.close();
    }
  });
});
