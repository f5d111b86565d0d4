import 'server-only';
import Redis from 'ioredis';
import { type Env, env } from '@/lib/env';
import { log } from '@/lib/log';
import { type AuthLimiter, createAuthLimiter } from './auth-limits';
import { clientIp } from './client-ip';
import { createLimiter, type Limiter } from './limits';
import { RedisLimitStore } from './redis-store';
import { type LimitStore, MemoryLimitStore } from './store';

/**
 * The server's limiters, built once from env: limit state in Redis when REDIS_URL is set (shared
 * by every instance), in this process otherwise. Client components import `@/lib/policy/roles`
 * directly; this entry point is server-only.
 */

export * from './auth-limits';
export * from './client-ip';
export * from './limits';
export * from './messages';
export * from './roles';
export * from './tokens';

export interface Policy {
  store: LimitStore;
  limiter: Limiter;
  authLimiter: AuthLimiter;
}

type PolicyConfig = Pick<Env, 'REDIS_URL' | 'RATE_LIMIT_PREFIX' | 'STREAM_LEASE_TTL_SECONDS'>;

export function createPolicy(config: PolicyConfig): Policy {
  const store = config.REDIS_URL ? new RedisLimitStore(connectRedis(config.REDIS_URL)) : new MemoryLimitStore();
  const prefix = config.RATE_LIMIT_PREFIX;
  return {
    store,
    limiter: createLimiter({ store, prefix, leaseTtlMs: config.STREAM_LEASE_TTL_SECONDS * 1000 }),
    authLimiter: createAuthLimiter({ store, prefix }),
  };
}

function connectRedis(url: string): Redis {
  // Fail a command after two reconnect attempts rather than queueing it for long: admission
  // then answers 500 quickly (limits fail closed) instead of holding the request open.
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'rate-limit store (Redis) error'));
  return redis;
}

const globalPolicy = globalThis as typeof globalThis & { __studioPolicy?: Policy };

function policy(): Policy {
  if (!globalPolicy.__studioPolicy) {
    globalPolicy.__studioPolicy = createPolicy(env);
    if (env.NODE_ENV === 'production' && env.TRUSTED_PROXY_HOPS === 0) {
      log.warn('TRUSTED_PROXY_HOPS is 0: client addresses are unknown and per-IP sign-in limits are off');
    }
  }
  return globalPolicy.__studioPolicy;
}

export function getLimiter(): Limiter {
  return policy().limiter;
}

export function getAuthLimiter(): AuthLimiter {
  return policy().authLimiter;
}

/** The shared limit store, for limits of their own (share-link lookups). */
export function getLimitStore(): LimitStore {
  return policy().store;
}

/** The client address per TRUSTED_PROXY_HOPS (`UNKNOWN_IP` when it cannot be trusted). */
export function requestIp(request: Pick<Request, 'headers'>): string {
  return clientIp(request, { trustedProxyHops: env.TRUSTED_PROXY_HOPS });
}

/** Closes the store's connection (shutdown, tests); the next call builds a new one. */
export async function closePolicy(): Promise<void> {
  const current = globalPolicy.__studioPolicy;
  globalPolicy.__studioPolicy = undefined;
  await current?.store.close();
}
