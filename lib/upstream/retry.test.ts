import { describe, expect, it } from 'vitest';
import { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';
import { defaultRetryConfig, retryAfterMsOf, retryDelayMs, retryReasonForError, retryReasonForStatus } from './retry';

describe('retry policy', () => {
  it('retries 429 and the gateway 5xx, never 400/401/402/422', () => {
    expect(retryReasonForStatus(429)).toBe('status_429');
    for (const status of [500, 502, 503, 504]) expect(retryReasonForStatus(status)).toBe('status_5xx');
    for (const status of [400, 401, 402, 403, 404, 413, 422, 501]) expect(retryReasonForStatus(status)).toBeUndefined();
  });

  it('retries header and first-content timeouts, breaks before content and network errors, not idle timeouts', () => {
    expect(retryReasonForError(new UpstreamTimeoutError('headers', 1))).toBe('timeout_headers');
    expect(retryReasonForError(new UpstreamTimeoutError('first-content', 1))).toBe('timeout_first_content');
    expect(retryReasonForError(new UpstreamTimeoutError('idle', 1))).toBeUndefined();
    expect(retryReasonForError(new UpstreamInterruptedError('x'))).toBe('broken_before_content');
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    expect(retryReasonForError(new TypeError('fetch failed', { cause: refused }))).toBe('network');
    expect(retryReasonForError(new Error('something else'))).toBeUndefined();
  });

  it('backs off exponentially with full jitter up to the cap', () => {
    const config = { ...defaultRetryConfig, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(retryDelayMs(1, undefined, config, () => 1)).toBe(100);
    expect(retryDelayMs(2, undefined, config, () => 1)).toBe(200);
    expect(retryDelayMs(3, undefined, config, () => 0.5)).toBe(200);
    expect(retryDelayMs(8, undefined, config, () => 1)).toBe(1_000);
    expect(retryDelayMs(1, undefined, config, () => 0)).toBe(0);
  });

  it('honours Retry-After up to the cap; longer is not waited for', () => {
    const config = { ...defaultRetryConfig, maxRetryAfterMs: 5_000 };
    expect(retryDelayMs(1, 2_000, config)).toBe(2_000);
    expect(retryDelayMs(1, 5_000, config)).toBe(5_000);
    expect(retryDelayMs(1, 6_000, config)).toBeUndefined();
  });

  it('reads Retry-After as seconds, an HTTP date or retry-after-ms', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(retryAfterMsOf(new Headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 12:00:03 GMT' }), now)).toBe(3_000);
    expect(retryAfterMsOf(new Headers({ 'retry-after-ms': '150' }), now)).toBe(150);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsOf(new Headers(), now)).toBeUndefined();
  });
});
