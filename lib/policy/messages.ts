import type { AppError } from '@/lib/errors';

/** The names the API and the UI use for the four per-user limits. */
export type LimitKind = 'requests_per_minute' | 'requests_per_day' | 'tokens_per_day' | 'concurrent_streams';

export interface LimitStatus {
  limit: LimitKind;
  /** `null` = unlimited */
  limitValue: number | null;
  /** counted so far (for streams: running now), this request included */
  used: number;
  remaining: number | null;
  /** ISO time when the limit next gives room (day quotas: the next 00:00 UTC) */
  resetAt: string;
}

/** `details` of a `rate_limit` refusal; the UI can rebuild its own sentence from them. */
export interface RateLimitDetails {
  limit: LimitKind;
  limitValue: number;
  used: number;
  remaining: number;
  resetAt: string;
  /** tokens_per_day: the least the refused request needed */
  requested?: number;
}

/** Whole seconds, at least 1: a client told "0" would retry at once and be refused again. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

const count = (value: number) => value.toLocaleString('en-US');

/** "45 s", "12 min", "5 h 3 min". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

export function describeRefusal(
  status: LimitStatus,
  retryAfterSeconds: number,
  requestedTokens: number,
): { message: string; details: RateLimitDetails } {
  const limitValue = status.limitValue ?? 0;
  const remaining = status.remaining ?? 0;
  const details: RateLimitDetails = {
    limit: status.limit,
    limitValue,
    used: status.used,
    remaining,
    resetAt: status.resetAt,
    ...(status.limit === 'tokens_per_day' ? { requested: requestedTokens } : {}),
  };
  const wait = formatWait(retryAfterSeconds);
  const daily = `The quota resets at 00:00 UTC, in ${wait}.`;
  const blocked = 'Your account is not allowed to start answers right now. Ask an administrator.';
  switch (status.limit) {
    case 'requests_per_minute':
      return {
        details,
        message: limitValue === 0 ? blocked : `Your limit is ${count(limitValue)} per minute. Try again in ${wait}.`,
      };
    case 'requests_per_day':
      return {
        details,
        message: limitValue === 0 ? blocked : `You have used today's ${count(limitValue)} requests. ${daily}`,
      };
    case 'tokens_per_day':
      if (limitValue === 0) return { details, message: blocked };
      if (requestedTokens > limitValue) {
        return {
          details,
          message: `This request needs about ${count(requestedTokens)} tokens, more than your daily quota of ${count(limitValue)}. Shorten the conversation or lower the maximum output.`,
        };
      }
      return {
        details,
        message:
          remaining > 0
            ? `This request needs about ${count(requestedTokens)} tokens but only ${count(remaining)} of today's ${count(limitValue)} are left. ${daily}`
            : `You have used today's ${count(limitValue)} tokens. ${daily}`,
      };
    case 'concurrent_streams':
      return {
        details,
        message:
          limitValue === 0
            ? blocked
            : `You already have ${count(status.used)} answers being written, the most allowed at once. Wait for one to finish, or stop one.`,
      };
  }
}

/**
 * Headers for a 429 built from a limiter refusal: pass them to `error.toResponse(requestId, headers)`.
 * Empty for any other error, so a handler can call it on every error it answers.
 */
export function rateLimitHeaders(error: AppError): Record<string, string> {
  const details = error.details as Partial<RateLimitDetails> | undefined;
  if (error.type !== 'rate_limit' || typeof details?.limitValue !== 'number') return {};
  const reset = String(Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1)));
  return {
    'Retry-After': reset,
    'RateLimit-Limit': String(details.limitValue),
    'RateLimit-Remaining': String(details.remaining ?? 0),
    'RateLimit-Reset': reset,
  };
}
