import { APICallError, JSONParseError, RetryError, StreamProviderError, TypeValidationError } from 'ai';
import { AppError } from '@/lib/errors';
import { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';

/**
 * Every error that comes out of the model server becomes one AppError, here and only here.
 * The ai SDK wraps what the fetch saw: `APICallError` (HTTP status, headers, body — or a network
 * failure without status), `RetryError` (`lastError`), `StreamProviderError` (an error event inside
 * the stream), parse errors for a malformed chunk. Status and class decide; message text never does.
 */
export function classifyUpstreamError(error: unknown): AppError {
  const root = unwrap(error);
  if (root instanceof AppError) return root;
  if (isAbortError(root)) {
    return new AppError('upstream_interrupted:upstream', { internalDetail: 'aborted by the caller', cause: root });
  }
  if (root instanceof UpstreamTimeoutError || isDomTimeout(root)) {
    return new AppError('upstream_timeout:upstream', { internalDetail: detailOf(root), cause: root });
  }
  if (root instanceof UpstreamInterruptedError) {
    return new AppError('upstream_interrupted:upstream', { internalDetail: detailOf(root), cause: root });
  }
  if (APICallError.isInstance(root)) {
    if (root.statusCode === undefined) return unavailable(root);
    // A 2xx here means reading the successful (streaming) response failed part-way.
    if (root.statusCode < 300) {
      return new AppError('upstream_interrupted:upstream', {
        internalDetail: detailOf(root.cause ?? root),
        cause: root,
      });
    }
    return fromStatus(root.statusCode, {
      message: upstreamMessage(root),
      headers: root.responseHeaders,
      cause: root,
    });
  }
  if (StreamProviderError.isInstance(root) || JSONParseError.isInstance(root) || TypeValidationError.isInstance(root)) {
    return new AppError('upstream_interrupted:upstream', { internalDetail: detailOf(root), cause: root });
  }
  if (isNetworkError(root)) return unavailable(root);
  return new AppError('internal:upstream', { internalDetail: detailOf(root), cause: root });
}

/** A stop by the caller (the browser's stop button, a closed tab): not an upstream failure. */
export function isAbortError(error: unknown): boolean {
  const root = unwrap(error);
  return root instanceof Error && (root.name === 'AbortError' || root.name === 'ResponseAborted');
}

/** Map an HTTP status of the model server (or its token endpoint) to the taxonomy. */
export function fromStatus(
  status: number,
  { message, headers, cause }: { message?: string; headers?: Record<string, string>; cause?: unknown },
): AppError {
  const detail = `HTTP ${status}${message ? `: ${message}` : ''}`;
  switch (status) {
    case 401:
    case 403:
      return new AppError('upstream_auth:upstream', { internalDetail: detail, cause });
    case 402:
      return new AppError('upstream_balance:upstream', { internalDetail: detail, cause });
    case 408:
      return new AppError('upstream_timeout:upstream', { internalDetail: detail, cause });
    case 413:
      return new AppError('upstream_rejected:upstream', {
        message: 'The request is too large for the model service.',
        internalDetail: detail,
        cause,
      });
    case 429: {
      const retryAfterSeconds = parseRetryAfter(headers);
      return new AppError('upstream_rate_limit:upstream', {
        message:
          retryAfterSeconds === undefined
            ? undefined
            : `The model service is rate limited. Try again in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
        internalDetail: detail,
        cause,
      });
    }
  }
  if (status >= 500) return new AppError('upstream_unavailable:upstream', { internalDetail: detail, cause });
  // 400, 404, 422 and the rest of 4xx: the request itself was refused; the reason helps the person.
  return new AppError('upstream_rejected:upstream', {
    message: message ? `The model service rejected the request: ${message}` : undefined,
    internalDetail: detail,
    cause,
  });
}

/** `Retry-After` as whole seconds from now (delta-seconds or an HTTP date); `retry-after-ms` too. */
export function parseRetryAfter(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const get = (name: string) =>
    headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const value = get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Anything that looks like a credential is masked; long messages are cut. */
export function sanitizeUpstreamMessage(message: string): string {
  return message
    .replace(/\b(bearer|basic)\s+[\w\-.~+/=]+/gi, '$1 [redacted]')
    .replace(/\bsk-[\w-]{6,}/gi, '[redacted]')
    .replace(/[A-Za-z0-9+/_=-]{32,}/g, '[redacted]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

function upstreamMessage(error: APICallError): string | undefined {
  // The providers' error handlers put the body's `error.message` into `message`; fall back to the
  // status line they produce when the body was not JSON.
  const fromData = (error.data as { error?: { message?: unknown } } | undefined)?.error?.message;
  const raw = typeof fromData === 'string' ? fromData : error.message;
  return raw ? sanitizeUpstreamMessage(raw) : undefined;
}

function unavailable(cause: unknown): AppError {
  return new AppError('upstream_unavailable:upstream', { internalDetail: detailOf(cause), cause });
}

/**
 * Peel the SDK's wrappers: RetryError → lastError; an APICallError around one of our own errors
 * (the SDK wraps fetch and body-read failures: "Cannot connect to API", "Failed to process
 * successful response") → that error.
 */
function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    if (RetryError.isInstance(current)) {
      current = current.lastError;
      continue;
    }
    if (APICallError.isInstance(current) && isOurs(current.cause)) {
      current = current.cause;
      continue;
    }
    break;
  }
  return current;
}

function isOurs(error: unknown): boolean {
  return (
    error instanceof AppError || error instanceof UpstreamTimeoutError || error instanceof UpstreamInterruptedError
  );
}

function isDomTimeout(error: unknown): boolean {
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  return error instanceof Error && error.name === 'TimeoutError';
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ConnectionRefused',
  'ConnectionClosed',
  'FailedToOpenSocket',
]);

function isNetworkError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (networkCodes.has(code) || code.startsWith('UND_ERR_'))) return true;
    current = current.cause;
  }
  // undici's fetch rejects with `TypeError('fetch failed')` and the socket error as its cause;
  // a cause-less TypeError from a fetch is the same failure without the detail.
  return error instanceof TypeError && /^(fetch failed|failed to fetch)$/i.test(error.message);
}

function detailOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${sanitizeUpstreamMessage(error.message)}` : String(error);
}
