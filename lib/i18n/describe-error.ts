import { AppError, type ErrorType } from '@/lib/errors';
import { NetworkError } from '@/lib/query/api';
import type { MessageKey, TranslateVars } from './languages';

const quotaKinds = ['requests_per_minute', 'requests_per_day', 'tokens_per_day', 'concurrent_streams'] as const;
type QuotaKind = (typeof quotaKinds)[number];

/** A refusal by our own limiter names its limit and when it resets (`RateLimitDetails`). */
function quotaOf(error: AppError): { limit: QuotaKind; limitValue?: number; resetAt?: string } | undefined {
  const details = error.details as { limit?: unknown; limitValue?: unknown; resetAt?: unknown } | undefined;
  if (error.type !== 'rate_limit' || !quotaKinds.includes(details?.limit as QuotaKind)) return undefined;
  return {
    limit: details!.limit as QuotaKind,
    limitValue: typeof details!.limitValue === 'number' ? details!.limitValue : undefined,
    resetAt: typeof details!.resetAt === 'string' ? details!.resetAt : undefined,
  };
}

/** "00:00" — day quotas reset at midnight UTC, so the time is shown in UTC. */
function utcTime(iso: string | undefined): string {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(11, 16) : '00:00';
}

/** Error types whose server message is specific and worth showing as-is (e.g. which parameter is wrong). */
const specific = new Set<ErrorType>(['bad_request', 'upstream_rejected', 'payload_too_large']);

export interface ErrorDescription {
  key: MessageKey;
  vars?: TranslateVars;
  /** The server's own sentence, shown instead of the catalog's when it says more (English only). */
  serverMessage?: string;
  retryAfterSeconds?: number;
  /** Seconds until a quota resets; the caller words it (`formatDuration`) as the `{wait}` variable. */
  waitSeconds?: number;
}

/** Maps an error to words from the catalog; `secondsLeft` counts down a Retry-After. */
export function describeError(error: AppError | NetworkError | Error, secondsLeft?: number): ErrorDescription {
  if (error instanceof NetworkError) return { key: 'errors.network' };
  if (!(error instanceof AppError)) return { key: 'errors.default' };
  const wait = secondsLeft ?? error.retryAfterSeconds;
  const quota = quotaOf(error);
  if (quota) {
    return {
      key: `errors.quota.${quota.limit}`,
      vars: { limit: quota.limitValue ?? 0, time: utcTime(quota.resetAt) },
      waitSeconds: Math.max(0, Math.ceil(wait ?? 0)),
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if ((error.type === 'upstream_rate_limit' || error.type === 'rate_limit') && wait !== undefined && wait > 0) {
    return {
      key: `errors.${error.type}.wait`,
      vars: { seconds: Math.ceil(wait) },
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  return {
    key: `errors.${error.type}`,
    serverMessage: specific.has(error.type) ? error.message : undefined,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}
