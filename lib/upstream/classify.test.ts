import { APICallError, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { classifyUpstreamError, isAbortError, parseRetryAfter, sanitizeUpstreamMessage } from './classify';
import type { UpstreamConfig } from './config';
import { UpstreamTimeoutError } from './errors';
import { fakeTransport, firstError, jsonResponse, type Step, sseResponse, transcriptB } from './fixtures';
import { createUpstream } from './index';

const config = (transport: typeof fetch): UpstreamConfig => ({
  provider: 'deepseek',
  baseURL: 'https://api.test',
  auth: { scheme: 'bearer', apiKey: 'sk-test' },
  firstContentTimeoutMs: 300,
  retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
  idleTimeoutMs: 300,
  transport,
});

/** Run a real streamText call against `respond` and classify the error it reports. */
async function classifyCall(respond: (call: { signal?: AbortSignal }) => Response | Promise<Response>, maxRetries = 0) {
  const { transport } = fakeTransport(respond);
  const upstream = createUpstream(config(transport));
  const result = streamText({
    model: upstream.languageModel('deepseek-flash'),
    prompt: 'hello',
    maxRetries,
    onError: () => {},
  });
  const error = await firstError(result.stream);
  return { error, classified: classifyUpstreamError(error) };
}

const errorBody = (message: string, type = 'invalid_request_error') => ({
  error: { message, type, param: null, code: 'invalid_request_error' },
});

describe('classifyUpstreamError: HTTP statuses through the ai SDK', () => {
  it('400 → upstream_rejected with the upstream reason', async () => {
    const { error, classified } = await classifyCall(() =>
      jsonResponse(400, errorBody("This model's maximum context length is 1048576 tokens.")),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(classified.code).toBe('upstream_rejected:upstream');
    expect(classified.status).toBe(422);
    expect(classified.message).toContain('maximum context length is 1048576 tokens');
  });

  it('400 → the reason is sanitized: nothing that looks like a key is echoed', async () => {
    const { classified } = await classifyCall(() =>
      jsonResponse(400, errorBody('Bad header Authorization: Bearer sk-live-0123456789abcdef for sk-abcdef123456')),
    );
    expect(classified.message).not.toMatch(/sk-live|sk-abcdef|0123456789abcdef/);
    expect(classified.message).toContain('[redacted]');
  });

  it.each([401, 403])('%i → upstream_auth, an operator problem the user is told about plainly', async (status) => {
    const { classified } = await classifyCall(() =>
      jsonResponse(
        status,
        errorBody('Authentication Fails, Your api key: ****abcd is invalid', 'authentication_error'),
      ),
    );
    expect(classified.code).toBe('upstream_auth:upstream');
    expect(classified.visibility).toBe('log');
    expect(classified.message).toMatch(/API key is invalid.*operator/);
    expect(JSON.stringify(classified.toBody())).not.toContain('abcd');
  });

  it('402 → upstream_balance', async () => {
    const { classified } = await classifyCall(() =>
      jsonResponse(402, errorBody('Insufficient Balance', 'unknown_error')),
    );
    expect(classified.code).toBe('upstream_balance:upstream');
    expect(classified.internalDetail).toContain('Insufficient Balance');
  });

  it('413 → upstream_rejected "request too large" (even with a non-JSON proxy body)', async () => {
    const { classified } = await classifyCall(
      () => new Response('<html>413 Request Entity Too Large</html>', { status: 413 }),
    );
    expect(classified.code).toBe('upstream_rejected:upstream');
    expect(classified.message).toMatch(/too large/);
  });

  it('422 → upstream_rejected with the upstream reason', async () => {
    const { classified } = await classifyCall(() => jsonResponse(422, errorBody('temperature must be <= 2')));
    expect(classified.code).toBe('upstream_rejected:upstream');
    expect(classified.message).toContain('temperature must be <= 2');
  });

  it('429 → upstream_rate_limit with Retry-After in seconds', async () => {
    const { classified } = await classifyCall(() =>
      jsonResponse(429, errorBody('Rate limit reached', 'rate_limit_error'), { 'retry-after': '7' }),
    );
    expect(classified.code).toBe('upstream_rate_limit:upstream');
    expect(classified.retryAfterSeconds).toBe(7);
    expect(classified.message).toMatch(/Try again in 7 s/);
    expect(classified.toResponse().headers.get('retry-after')).toBe('7');
  });

  it('429 → Retry-After as an HTTP date, or absent', async () => {
    const inThirty = new Date(Date.now() + 30_000).toUTCString();
    const dated = await classifyCall(() => jsonResponse(429, errorBody('slow down'), { 'retry-after': inThirty }));
    expect(dated.classified.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(dated.classified.retryAfterSeconds).toBeLessThanOrEqual(30);
    const bare = await classifyCall(() => jsonResponse(429, errorBody('slow down')));
    expect(bare.classified.code).toBe('upstream_rate_limit:upstream');
    expect(bare.classified.retryAfterSeconds).toBeUndefined();
  });

  it.each([500, 502, 503, 504])('%i → upstream_unavailable', async (status) => {
    const { classified } = await classifyCall(() =>
      jsonResponse(status, errorBody('Server overloaded', 'server_error')),
    );
    expect(classified.code).toBe('upstream_unavailable:upstream');
  });

  it('unwraps RetryError (SDK retries on) to its last error', async () => {
    const { error, classified } = await classifyCall(
      () => jsonResponse(503, errorBody('overloaded'), { 'retry-after-ms': '1' }),
      1,
    );
    expect((error as Error).name).toBe('AI_RetryError');
    expect(classified.code).toBe('upstream_unavailable:upstream');
  });
});

describe('classifyUpstreamError: failures without a status', () => {
  it('network errors (connection refused, socket hang up) → upstream_unavailable', async () => {
    const refused = await classifyCall(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    });
    expect(refused.classified.code).toBe('upstream_unavailable:upstream');
    const hangUp = classifyUpstreamError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(hangUp.code).toBe('upstream_unavailable:upstream');
    expect(classifyUpstreamError(new TypeError('fetch failed')).code).toBe('upstream_unavailable:upstream');
  });

  it('our timeouts → upstream_timeout (no response headers in time)', async () => {
    const { classified } = await classifyCall(
      ({ signal }) =>
        new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    );
    expect(classified.code).toBe('upstream_timeout:upstream');
    expect(classifyUpstreamError(new UpstreamTimeoutError('idle', 5)).code).toBe('upstream_timeout:upstream');
  });

  it('a stream that breaks mid-way → upstream_interrupted', async () => {
    const cases: Step[][] = [
      [transcriptB[0]!, transcriptB[1]!, { wait: 5 }, { fail: new TypeError('terminated') }], // connection dropped
      [transcriptB[0]!, transcriptB[1]!, { wait: 5 }], // ended without data: [DONE]
      [transcriptB[0]!, 'data: {"id": broken\n\n', ...transcriptB.slice(1)], // malformed chunk
      [transcriptB[0]!, 'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n', 'data: [DONE]\n\n'],
    ];
    for (const steps of cases) {
      const { classified } = await classifyCall(({ signal }) => sseResponse(steps, signal));
      expect(classified.code).toBe('upstream_interrupted:upstream');
    }
  });

  it("the caller's abort is recognisable with isAbortError", () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(isAbortError(abort)).toBe(true);
    expect(isAbortError(new UpstreamTimeoutError('headers', 1))).toBe(false);
    expect(isAbortError(new DOMException('timed out', 'TimeoutError'))).toBe(false);
    expect(classifyUpstreamError(abort).code).toBe('upstream_interrupted:upstream');
  });

  it('passes AppErrors through and turns anything unknown into internal:upstream', () => {
    const appError = new AppError('upstream_balance:upstream');
    expect(classifyUpstreamError(appError)).toBe(appError);
    expect(classifyUpstreamError(new Error('???')).code).toBe('internal:upstream');
  });
});

describe('helpers', () => {
  it('parseRetryAfter reads seconds, HTTP dates and retry-after-ms', () => {
    const now = Date.parse('2026-11-15T10:00:00Z');
    expect(parseRetryAfter({ 'retry-after': '12' }, now)).toBe(12);
    expect(parseRetryAfter({ 'Retry-After': 'Sun, 15 Nov 2026 10:01:00 GMT' }, now)).toBe(60);
    expect(parseRetryAfter({ 'retry-after': 'Sun, 15 Nov 2026 09:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after-ms': '1500' }, now)).toBe(2);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('sanitizeUpstreamMessage masks tokens and cuts long text', () => {
    expect(sanitizeUpstreamMessage('key sk-1234567890abcdef invalid')).toBe('key [redacted] invalid');
    expect(sanitizeUpstreamMessage('Bearer abc.def-ghi')).toBe('Bearer [redacted]');
    expect(sanitizeUpstreamMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });
});
