import 'server-only';
import { sql } from 'drizzle-orm';
import Redis from 'ioredis';
import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { getRuntime } from '@/lib/runtime';
import type { BreakerSnapshot } from '@/lib/upstream';

export interface Readiness {
  ready: boolean;
  checks: {
    database: CheckResult;
    redis: CheckResult | { ok: true; skipped: true };
  };
  /** Open breakers make the instance degraded for that model, not unready: others still answer. */
  breakers: BreakerSnapshot[];
}

type CheckResult = { ok: boolean; ms: number; error?: string };

const globalRedis = globalThis as typeof globalThis & { __studioReadyRedis?: Redis };

async function timed(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<CheckResult> {
  const start = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    // The error class only: a driver message may carry a connection string.
    return { ok: false, ms: Math.round(performance.now() - start), error: (error as Error).name || 'Error' };
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const database = await timed(async () => (await getDb()).execute(sql`select 1`));
  let redis: Readiness['checks']['redis'] = { ok: true, skipped: true };
  if (env.REDIS_URL) {
    const url = env.REDIS_URL;
    globalRedis.__studioReadyRedis ??= new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
    globalRedis.__studioReadyRedis.on('error', () => {});
    redis = await timed(() => globalRedis.__studioReadyRedis!.ping());
  }
  const breakers = getRuntime().upstream.breakers();
  return { ready: database.ok && redis.ok, checks: { database, redis }, breakers };
}
