import 'server-only';
import { randomUUID } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getLimitStore, ipBucket, secondsUntil } from '@/lib/policy';

/**
 * Public token lookups per client address: a sliding window of SHARE_LOOKUPS_PER_MINUTE. Tokens
 * carry 192 bits, so this is not what stops guessing; it keeps a crawler or a loop from turning
 * share pages into database load. An unknown address (TRUSTED_PROXY_HOPS=0, see client-ip.ts)
 * shares one bucket with ten times the limit, so lookups stay bounded even then.
 */
export async function admitShareLookup(ip: string, now = Date.now()): Promise<void> {
  const bucket = ipBucket(ip);
  const limit = bucket ? env.SHARE_LOOKUPS_PER_MINUTE : env.SHARE_LOOKUPS_PER_MINUTE * 10;
  const key = `${env.RATE_LIMIT_PREFIX}:share:{share}:${bucket ?? 'unknown'}`;
  const evaluation = await getLimitStore().evaluate(
    [{ kind: 'window', key, limit, windowMs: 60_000, cost: 1, member: randomUUID() }],
    { now, commit: true },
  );
  if (evaluation.ok) return;
  const retryAfterSeconds = secondsUntil(evaluation.results[0]!.resetAt, now);
  throw new AppError('rate_limit:share', {
    message: 'Too many share links opened from your network. Try again shortly.',
    retryAfterSeconds,
  });
}
