import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { classifyUpstreamError } from './classify';
import type { UpstreamAuth } from './config';
import { createUpstreamFetch } from './fetch';
import { fakeTransport, firstError, jsonResponse, shortTranscript, sseResponse, type TransportCall } from './fixtures';
import { createUpstream } from './index';

const TOKEN_URL = 'https://auth.test/oauth/token';
const API = 'https://api.test/chat/completions';
const auth: UpstreamAuth = { scheme: 'oauth2', tokenUrl: TOKEN_URL, clientId: 'client id', clientSecret: 's3cr3t' };

/**
 * A fake token endpoint (issues tok-1, tok-2 … after `tokenDelayMs`) and model server (answers
 * with `api(call)`), plus a fake clock.
 */
function setup(options: { expiresIn?: number; tokenDelayMs?: number; api?: (call: TransportCall) => Response } = {}) {
  let clock = 1_000_000;
  let issued = 0;
  const fake = fakeTransport(async (call) => {
    if (call.url !== TOKEN_URL) return options.api?.(call) ?? jsonResponse(200, { ok: true });
    if (options.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, options.tokenDelayMs));
    issued += 1;
    return jsonResponse(200, {
      access_token: `tok-${issued}`,
      token_type: 'Bearer',
      expires_in: options.expiresIn ?? 3600,
    });
  });
  const config = {
    provider: 'deepseek' as const,
    baseURL: 'https://api.test',
    auth,
    firstContentTimeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    transport: fake.transport,
    now: () => clock,
  };
  const tokenCalls = () => fake.calls.filter((call) => call.url === TOKEN_URL);
  const apiCalls = () => fake.calls.filter((call) => call.url !== TOKEN_URL);
  return {
    config,
    upstreamFetch: createUpstreamFetch(config),
    tokenCalls,
    apiTokens: () => apiCalls().map((call) => call.headers.get('authorization')),
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const post = (upstreamFetch: typeof fetch) => upstreamFetch(API, { method: 'POST', body: '{"model":"m"}' });

describe('oauth2 client credentials', () => {
  it('asks the token endpoint with HTTP Basic and a client_credentials form', async () => {
    const t = setup();
    await post(t.upstreamFetch);
    const [call] = t.tokenCalls();
    expect(call?.method).toBe('POST');
    expect(call?.body).toBe('grant_type=client_credentials');
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(call?.headers.get('authorization')).toBe(`Basic ${Buffer.from('client%20id:s3cr3t').toString('base64')}`);
  });

  it('reuses the cached token until shortly before expiry, then refreshes', async () => {
    const t = setup({ expiresIn: 3600 });
    await post(t.upstreamFetch);
    t.advance(3600_000 - 60_000 - 1); // just inside the 60 s safety margin
    await post(t.upstreamFetch);
    expect(t.tokenCalls()).toHaveLength(1);
    t.advance(1);
    await post(t.upstreamFetch);
    expect(t.tokenCalls()).toHaveLength(2);
    expect(t.apiTokens()).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
  });

  it('uses a 10 % margin for short-lived tokens', async () => {
    const t = setup({ expiresIn: 100 });
    await post(t.upstreamFetch);
    t.advance(89_999);
    await post(t.upstreamFetch);
    t.advance(1);
    await post(t.upstreamFetch);
    expect(t.tokenCalls()).toHaveLength(2);
  });

  it('sends one token request however many callers wait for it', async () => {
    const t = setup({ tokenDelayMs: 20 });
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(t.upstreamFetch)));
    expect(responses.every((response) => response.ok)).toBe(true);
    expect(t.tokenCalls()).toHaveLength(1);
    expect(new Set(t.apiTokens())).toEqual(new Set(['Bearer tok-1']));
  });

  it('on a 401 from the model server: one refresh, one retry with the same body', async () => {
    const t = setup({
      api: (call) =>
        call.headers.get('authorization') === 'Bearer tok-1'
          ? jsonResponse(401, { error: { message: 'token revoked' } })
          : jsonResponse(200, { ok: true }),
    });
    const response = await post(t.upstreamFetch);
    expect(response.status).toBe(200);
    expect(t.tokenCalls()).toHaveLength(2);
    expect(t.apiTokens()).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('a second 401 is final (no loop) and classifies as an auth problem through the ai SDK', async () => {
    const t = setup({ api: () => jsonResponse(401, { error: { message: 'Authentication Fails' } }) });
    expect((await post(t.upstreamFetch)).status).toBe(401);
    expect(t.tokenCalls()).toHaveLength(2);
    expect(t.apiTokens()).toHaveLength(2);

    const upstream = createUpstream(t.config);
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      prompt: 'hi',
      maxRetries: 0,
      onError: () => {},
    });
    const error = await firstError(result.stream);
    const classified = classifyUpstreamError(error);
    expect(classified.code).toBe('upstream_auth:upstream');
    expect(JSON.stringify(classified.toBody())).not.toMatch(/tok-|s3cr3t/);
  });

  it('token endpoint failures become classified errors', async () => {
    const refused = fakeTransport((call) =>
      call.url === TOKEN_URL ? jsonResponse(401, { error: 'invalid_client' }) : sseResponse(shortTranscript),
    );
    const config = { ...setup().config, transport: refused.transport };
    const error = await post(createUpstreamFetch(config)).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('upstream_auth:upstream');

    const down = fakeTransport(() => jsonResponse(503, {}));
    expect((await post(createUpstreamFetch({ ...config, transport: down.transport })).catch((e) => e)).code).toBe(
      'upstream_unavailable:upstream',
    );

    const unreachable = fakeTransport(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    });
    const upstream = createUpstream({ ...config, transport: unreachable.transport });
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      prompt: 'hi',
      maxRetries: 0,
      onError: () => {},
    });
    expect(classifyUpstreamError(await firstError(result.stream)).code).toBe('upstream_unavailable:upstream');
  });
});
