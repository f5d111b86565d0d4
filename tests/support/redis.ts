import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { RedisLimitStore } from '@/lib/policy/redis-store';
import { type LimitStore, MemoryLimitStore } from '@/lib/policy/store';

/**
 * Redis for tests: TEST_REDIS_URL (default the local server; `none` runs only the in-process half
 * of each suite). Every suite gets a random key prefix and deletes its keys afterwards, so runs
 * and parallel test files never see each other's counters.
 */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisDisabled = testRedisUrl === 'none';

/** A fresh connection: each one stands for a separate app instance. */
export function connectTestRedis(): Redis {
  return new Redis(testRedisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
}

export function randomPrefix(): string {
  return `test:${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS, so a shared server is not blocked). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

export type StoreKind = 'memory' | 'redis';

export interface StoreSuite {
  readonly kind: StoreKind;
  /** The suite's key prefix. */
  readonly prefix: string;
  /** One store, shared by the suite's tests. */
  readonly store: LimitStore;
  /**
   * Another store on the same state: for Redis a second connection (a second app instance);
   * in process, the same store (one process has one map).
   */
  secondStore(): LimitStore;
}

/** Runs the same suite against the in-process store and against Redis. */
export function describeEachStore(name: string, fn: (suite: StoreSuite) => void): void {
  for (const kind of ['memory', 'redis'] as const) {
    const run = kind === 'redis' && redisDisabled ? describe.skip : describe;
    run(`${name} [${kind}]`, () => {
      const prefix = randomPrefix();
      const opened: LimitStore[] = [];
      let admin: Redis | undefined;
      let store: LimitStore | undefined;
      const open = (): LimitStore => {
        const next = kind === 'memory' ? new MemoryLimitStore() : new RedisLimitStore(connectTestRedis());
        opened.push(next);
        return next;
      };
      beforeAll(() => {
        store = open();
        if (kind === 'redis') admin = connectTestRedis();
      });
      afterAll(async () => {
        if (admin) {
          await deleteKeys(admin, prefix);
          await admin.quit();
        }
        await Promise.all(opened.map((each) => each.close()));
      });
      fn({
        kind,
        prefix,
        get store() {
          if (!store) throw new Error('the store is only available inside tests and hooks');
          return store;
        },
        secondStore: () => (kind === 'memory' ? (store ?? open()) : open()),
      });
    });
  }
}
