import 'server-only';
import Redis from 'ioredis';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { ResponseCache } from './index';
import { MemoryCacheStore, RedisCacheStore } from './store';

const globalCache = globalThis as typeof globalThis & { __studioResponseCache?: ResponseCache | null };

/** The process's response cache (Redis when REDIS_URL is set), or undefined with RESPONSE_CACHE=false. */
export function getResponseCache(): ResponseCache | undefined {
  if (globalCache.__studioResponseCache === undefined) {
    globalCache.__studioResponseCache = env.RESPONSE_CACHE ? build() : null;
  }
  return globalCache.__studioResponseCache ?? undefined;
}

function build(): ResponseCache {
  const store = env.REDIS_URL
    ? new RedisCacheStore(connect(env.REDIS_URL), env.RATE_LIMIT_PREFIX)
    : new MemoryCacheStore(env.RESPONSE_CACHE_MAX_ENTRIES);
  return new ResponseCache(store, {
    ttlMs: env.RESPONSE_CACHE_TTL_SECONDS * 1000,
    waitMs: Math.min(env.UPSTREAM_FIRST_CONTENT_TIMEOUT_MS, 120_000),
  });
}

function connect(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'response cache (Redis) error'));
  return redis;
}

/** Closes the cache's connection (tests, shutdown); the next call builds a new one. */
export async function closeResponseCache(): Promise<void> {
  const current = globalCache.__studioResponseCache;
  globalCache.__studioResponseCache = undefined;
  await current?.store.close();
}
