import { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';

/**
 * When and how long to wait before sending a failed upstream request again. Only failures before
 * anything was handed to the caller are retried (the fetch decides that); this module only knows
 * which failures are worth another attempt and the delay: exponential backoff with full jitter, or
 * the server's `Retry-After` when it sent one — unless that is longer than the cap, then the
 * failure is passed on at once (waiting minutes inside one request helps nobody).
 */

export interface RetryConfig {
  /** Retries after the first attempt (0 = none). */
  maxRetries: number;
  /** First backoff ceiling; doubles per retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest `Retry-After` honoured; a longer one ends the retries. */
  maxRetryAfterMs: number;
}

export const defaultRetryConfig: RetryConfig = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export type RetryReason =
  | 'status_429'
  | 'status_5xx'
  | 'network'
  | 'timeout_headers'
  | 'timeout_first_content'
  | 'broken_before_content';

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/** 429 and the gateway 5xx are retried; 400/401/402/422 and the rest never. */
export function retryReasonForStatus(status: number): RetryReason | undefined {
  if (!retryableStatuses.has(status)) return undefined;
  return status === 429 ? 'status_429' : 'status_5xx';
}

/** A thrown failure before any content: timeouts, broken streams and network errors. */
export function retryReasonForError(error: unknown): RetryReason | undefined {
  if (error instanceof UpstreamTimeoutError) {
    return error.phase === 'headers'
      ? 'timeout_headers'
      : error.phase === 'first-content'
        ? 'timeout_first_content'
        : undefined;
  }
  if (error instanceof UpstreamInterruptedError) return 'broken_before_content';
  return isNetworkFailure(error) ? 'network' : undefined;
}

/**
 * The wait before retry number `retry` (1-based), or undefined when the server asked for longer
 * than `maxRetryAfterMs`.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  config: RetryConfig,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= config.maxRetryAfterMs ? retryAfterMs : undefined;
  const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/** `Retry-After` (seconds or an HTTP date) or `retry-after-ms` in ms; undefined if absent or invalid. */
export function retryAfterMsOf(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const networkCodes =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|UND_ERR_.*)$/;

function isNetworkFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.test(code)) return true;
    current = current.cause;
  }
  return error instanceof TypeError && /^(fetch failed|failed to fetch)$/i.test(error.message);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
