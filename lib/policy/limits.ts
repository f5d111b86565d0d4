import { randomUUID } from 'node:crypto';
import { AppError, type Surface } from '@/lib/errors';
import { log } from '@/lib/log';
import { describeRefusal, type LimitKind, type LimitStatus, secondsUntil } from './messages';
import { type LimitOverrides, limitsFor, type Role } from './roles';
import type { Check, CheckResult, LimitStore } from './store';

export type { LimitKind, LimitStatus } from './messages';

/**
 * Per-user admission for anything that streams from the model (DESIGN.md, "Policies"):
 *
 * - requests per minute: sliding-window log — at most N requests in any 60 s;
 * - requests and tokens per day: counters over the fixed UTC day, reset at 00:00 UTC;
 * - concurrent streams: leased slots that expire after `leaseTtlMs`, so a crashed instance
 *   cannot hold a slot forever.
 *
 * `admit` checks all four at once and takes all or nothing. Tokens are reserved up front and
 * reconciled by `lease.settle` with what the answer really used; a request is charged on the UTC
 * day it started, even when it ends after midnight.
 */

export interface AdmitInput {
  userId: string;
  role: Role;
  overrides?: LimitOverrides | null;
  /** Tokens to hold: the prompt estimate plus `max_tokens` (or an output estimate). */
  reserveTokens: number;
  /**
   * The least the request can run with (default `reserveTokens`). When less than `reserveTokens`
   * but at least this much of today's quota remains, the lease holds what remains, and the caller
   * caps `max_tokens` to `lease.reservedTokens` minus the prompt estimate.
   */
  minTokens?: number;
  /** Code surface of the refusal, `rate_limit:<surface>`. */
  surface?: Surface;
  now?: number;
}

export interface Lease {
  readonly id: string;
  /** Tokens held for this request (≤ reserveTokens). */
  readonly reservedTokens: number;
  /** RateLimit-Limit / -Remaining / -Reset of the most constraining request or token limit. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every limit after this admission. */
  readonly limits: readonly LimitStatus[];
  /**
   * Charges what the request really used (refunding or adding to the reservation) and frees its
   * stream slot. Call it exactly when the stream ends — complete, failed or aborted. Idempotent;
   * never throws (a store failure is logged; the slot then frees itself when its lease expires).
   */
  settle(usage: { usedTokens: number }): Promise<void>;
}

export interface UsageInput {
  userId: string;
  role: Role;
  overrides?: LimitOverrides | null;
  now?: number;
}

export interface Limiter {
  /** Throws `AppError('rate_limit:…')` (429) with `retryAfterSeconds` and details when refused. */
  admit(input: AdmitInput): Promise<Lease>;
  /** Today's usage of every limit, without taking anything (for a usage page). */
  usage(input: UsageInput): Promise<LimitStatus[]>;
  /** Clears a user's minute and day counters (an admin's "reset quota"); running streams keep their slots. */
  resetUsage(userId: string, now?: number): Promise<void>;
}

export interface LimiterOptions {
  store: LimitStore;
  /** Prefix of every key; tests use a random one. */
  prefix?: string;
  /** How long an unsettled stream holds its slot (longer than the longest stream). */
  leaseTtlMs?: number;
  clock?: () => number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const DEFAULT_LEASE_TTL_MS = 15 * MINUTE_MS;

export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function nextUtcMidnight(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}

/** The Redis key layout; the `{user}` hash tag keeps one user's keys on one cluster slot. */
export function userKeys(prefix: string, userId: string, now: number) {
  const base = `${prefix}:rl:{${userId}}`;
  const day = utcDay(now);
  return {
    requestsPerMinute: `${base}:rpm`,
    requestsPerDay: `${base}:rpd:${day}`,
    tokensPerDay: `${base}:tpd:${day}`,
    streams: `${base}:streams`,
  };
}

const asLimit = (value: number | null) => (value === null ? -1 : value);
const wholeTokens = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.ceil(value)) : 0);

export function createLimiter(options: LimiterOptions): Limiter {
  const { store, prefix = 'studio', leaseTtlMs = DEFAULT_LEASE_TTL_MS, clock = Date.now } = options;

  function plan(
    input: UsageInput,
    now: number,
    take: { leaseId: string; reserve: number; min: number; cost: 0 | 1 },
  ): { kinds: LimitKind[]; limitValues: (number | null)[]; checks: Check[] } {
    const limits = limitsFor(input.role, input.overrides);
    const keys = userKeys(prefix, input.userId, now);
    const resetAt = nextUtcMidnight(now);
    const day = { resetAt, keepUntil: resetAt + DAY_MS };
    const kinds: LimitKind[] = [];
    const limitValues: (number | null)[] = [];
    const checks: Check[] = [];
    const add = (kind: LimitKind, value: number | null, check: Check) => {
      kinds.push(kind);
      limitValues.push(value);
      checks.push(check);
    };
    // An unlimited per-minute rate keeps no log; the other three count even when unlimited.
    if (limits.requestsPerMinute !== null) {
      add('requests_per_minute', limits.requestsPerMinute, {
        kind: 'window',
        key: keys.requestsPerMinute,
        limit: limits.requestsPerMinute,
        windowMs: MINUTE_MS,
        cost: take.cost,
        member: take.leaseId,
      });
    }
    add('requests_per_day', limits.requestsPerDay, {
      kind: 'counter',
      key: keys.requestsPerDay,
      limit: asLimit(limits.requestsPerDay),
      cost: take.cost,
      minCost: take.cost,
      ...day,
    });
    add('tokens_per_day', limits.tokensPerDay, {
      kind: 'counter',
      key: keys.tokensPerDay,
      limit: asLimit(limits.tokensPerDay),
      cost: take.reserve,
      minCost: take.min,
      ...day,
    });
    add('concurrent_streams', limits.concurrentStreams, {
      kind: 'slots',
      key: keys.streams,
      limit: asLimit(limits.concurrentStreams),
      member: take.leaseId,
      expiresAt: now + leaseTtlMs,
    });
    return { kinds, limitValues, checks };
  }

  const statusOf = (kind: LimitKind, limitValue: number | null, result: CheckResult): LimitStatus => ({
    limit: kind,
    limitValue,
    used: result.used + result.granted,
    remaining: limitValue === null ? null : Math.max(0, limitValue - result.used - result.granted),
    resetAt: new Date(result.resetAt).toISOString(),
  });

  return {
    async admit(input) {
      const now = input.now ?? clock();
      const leaseId = randomUUID();
      const reserve = wholeTokens(input.reserveTokens);
      const min = Math.min(reserve, wholeTokens(input.minTokens ?? reserve));
      const { kinds, limitValues, checks } = plan(input, now, { leaseId, reserve, min, cost: 1 });
      const evaluation = await store.evaluate(checks, { now, commit: true });
      const statuses = evaluation.results.map((result, i) => statusOf(kinds[i]!, limitValues[i]!, result));

      if (!evaluation.ok) {
        // Every refused limit must clear before a retry can pass: report the one that clears last.
        const refused = evaluation.results
          .map((result, i) => ({ result, i }))
          .filter(({ result }) => !result.ok)
          .sort((a, b) => b.result.resetAt - a.result.resetAt)[0]!;
        const status = statusOf(kinds[refused.i]!, limitValues[refused.i]!, refused.result);
        const retryAfterSeconds = secondsUntil(refused.result.resetAt, now);
        const { message, details } = describeRefusal(status, retryAfterSeconds, min);
        throw new AppError(`rate_limit:${input.surface ?? 'chat'}`, { message, retryAfterSeconds, details });
      }

      const tokenIndex = kinds.indexOf('tokens_per_day');
      const reservedTokens = evaluation.results[tokenIndex]!.granted;
      const keys = userKeys(prefix, input.userId, now);
      let settled = false;
      return {
        id: leaseId,
        reservedTokens,
        headers: headersFor(statuses, now),
        limits: statuses,
        async settle({ usedTokens }) {
          if (settled) return;
          settled = true;
          try {
            await store.settle(
              [
                { kind: 'adjust', key: keys.tokensPerDay, delta: wholeTokens(usedTokens) - reservedTokens },
                { kind: 'release', key: keys.streams, member: leaseId },
              ],
              clock(),
            );
          } catch (error) {
            log.warn({ err: error, userId: input.userId, leaseId }, 'could not settle a rate-limit lease');
          }
        },
      };
    },

    async usage(input) {
      const now = input.now ?? clock();
      const { kinds, limitValues, checks } = plan(input, now, { leaseId: 'usage', reserve: 0, min: 0, cost: 0 });
      const evaluation = await store.evaluate(checks, { now, commit: false });
      return evaluation.results.map((result, i) => statusOf(kinds[i]!, limitValues[i]!, result));
    },

    async resetUsage(userId, now = clock()) {
      const keys = userKeys(prefix, userId, now);
      await store.delete([keys.requestsPerMinute, keys.requestsPerDay, keys.tokensPerDay]);
    },
  };
}

/**
 * The request and token limits' headers (IETF RateLimit fields, delta-seconds reset) for the one
 * with the smallest share left. The stream cap is not a quota over time and is left out here;
 * a refusal's headers come from `rateLimitHeaders(error)`.
 */
function headersFor(statuses: readonly LimitStatus[], now: number): Record<string, string> {
  const quotas = statuses.filter(
    (status) => status.limit !== 'concurrent_streams' && status.limitValue !== null && status.remaining !== null,
  );
  const share = (status: LimitStatus) => (status.limitValue ? status.remaining! / status.limitValue : 0);
  const tightest = quotas.sort((a, b) => share(a) - share(b) || Date.parse(b.resetAt) - Date.parse(a.resetAt))[0];
  if (!tightest) return {};
  return {
    'RateLimit-Limit': String(tightest.limitValue),
    'RateLimit-Remaining': String(tightest.remaining),
    'RateLimit-Reset': String(secondsUntil(Date.parse(tightest.resetAt), now)),
  };
}
