import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSignature } from './auth';
import type { UpstreamAuth, UpstreamConfig } from './config';
import { createUpstreamFetch } from './fetch';
import { fakeTransport, jsonResponse } from './fixtures';

// Computed outside this code base:
//   printf 'POST\n/v1/chat/completions?beta=1\n1700000000\n{"model":"deepseek-flash","stream":true}' \
//     | openssl dgst -sha256 -hmac 'test-secret' -binary | base64
const VECTOR_POST = 'hrqefn+hsePubX5Mhf+qVUOGaMLM60xW8NdA33/gBt8=';
//   printf 'GET\n/user/balance\n1700000000\n' | openssl dgst -sha256 -hmac 'test-secret' -binary | base64
const VECTOR_GET = 'njiPb6qwzIv5j//x2nfWNpSUBYhW637FDHd1e74SWv8=';
const BODY = '{"model":"deepseek-flash","stream":true}';

/** An independent implementation (Web Crypto) for the headers the transport receives. */
async function webCryptoSignature(secret: string, text: string) {
  const key = await webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await webcrypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
  return Buffer.from(signature).toString('base64');
}

describe('hmacSignature', () => {
  it('matches a fixed vector computed with openssl', () => {
    const post = { method: 'POST', path: '/v1/chat/completions?beta=1', timestamp: '1700000000', body: BODY };
    expect(hmacSignature('test-secret', post)).toBe(VECTOR_POST);
    expect(hmacSignature('test-secret', { ...post, body: new TextEncoder().encode(BODY) })).toBe(VECTOR_POST);
    const get = { method: 'get', path: '/user/balance', timestamp: '1700000000', body: undefined };
    expect(hmacSignature('test-secret', get)).toBe(VECTOR_GET);
  });
});

const configWith = (auth: UpstreamAuth, transport: typeof fetch): UpstreamConfig => ({
  provider: 'deepseek',
  baseURL: 'https://gw.test/v1',
  auth,
  firstContentTimeoutMs: 5_000,
  idleTimeoutMs: 5_000,
  transport,
  now: () => 1_700_000_000_123,
});

// What the providers send: their own Authorization (from the placeholder/api key) and JSON.
const providerInit = (extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { authorization: 'Bearer provider-placeholder', 'content-type': 'application/json', ...extra },
  body: BODY,
});

describe('auth headers on the wire', () => {
  it('bearer: replaces the Authorization header with the configured key', async () => {
    const fake = fakeTransport(() => jsonResponse(200, {}));
    const upstreamFetch = createUpstreamFetch(configWith({ scheme: 'bearer', apiKey: 'sk-real' }, fake.transport));
    await upstreamFetch('https://gw.test/v1/chat/completions', providerInit());
    const headers = fake.calls[0]!.headers;
    expect(headers.get('authorization')).toBe('Bearer sk-real');
    expect(headers.get('x-signature')).toBeNull();
    expect(fake.calls[0]!.body).toBe(BODY);
  });

  it('hmac: no Authorization; X-Api-Key, X-Timestamp and a signature over method, path, time and body', async () => {
    const fake = fakeTransport(() => jsonResponse(200, {}));
    const auth: UpstreamAuth = { scheme: 'hmac', apiKey: 'ak-123', secretKey: 'test-secret' };
    const upstreamFetch = createUpstreamFetch(configWith(auth, fake.transport));
    await upstreamFetch('https://gw.test/v1/chat/completions?beta=1', providerInit());
    const { headers, body } = fake.calls[0]!;
    expect(headers.get('authorization')).toBeNull();
    expect(headers.get('x-api-key')).toBe('ak-123');
    expect(headers.get('x-timestamp')).toBe('1700000000');
    expect(headers.get('x-signature')).toBe(VECTOR_POST);
    expect(headers.get('x-signature')).toBe(
      await webCryptoSignature('test-secret', `POST\n/v1/chat/completions?beta=1\n1700000000\n${body}`),
    );

    await upstreamFetch('https://gw.test/user/balance');
    expect(fake.calls[1]!.headers.get('x-signature')).toBe(VECTOR_GET);
  });

  it('hmac: signs the exact bytes of a non-string body', async () => {
    const fake = fakeTransport(() => jsonResponse(200, {}));
    const auth: UpstreamAuth = { scheme: 'hmac', apiKey: 'ak-123', secretKey: 'test-secret' };
    await createUpstreamFetch(configWith(auth, fake.transport))('https://gw.test/v1/chat/completions?beta=1', {
      method: 'POST',
      body: new TextEncoder().encode(BODY),
    });
    expect(fake.calls[0]!.body).toBe(BODY);
    expect(fake.calls[0]!.headers.get('x-signature')).toBe(VECTOR_POST);
  });

  it('oauth2: sends the client-credentials token as Bearer', async () => {
    const fake = fakeTransport((call) =>
      call.url === 'https://auth.test/token'
        ? jsonResponse(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 })
        : jsonResponse(200, {}),
    );
    const auth: UpstreamAuth = {
      scheme: 'oauth2',
      tokenUrl: 'https://auth.test/token',
      clientId: 'c',
      clientSecret: 's',
    };
    await createUpstreamFetch(configWith(auth, fake.transport))('https://gw.test/v1/chat/completions', providerInit());
    expect(fake.calls.map((call) => call.url)).toEqual([
      'https://auth.test/token',
      'https://gw.test/v1/chat/completions',
    ]);
    expect(fake.calls[1]!.headers.get('authorization')).toBe('Bearer tok-1');
  });

  it("X-Request-ID: the caller's id is kept, otherwise a fresh one per request", async () => {
    const fake = fakeTransport(() => jsonResponse(200, {}));
    const upstreamFetch = createUpstreamFetch(configWith({ scheme: 'bearer', apiKey: 'sk-real' }, fake.transport));
    await upstreamFetch('https://gw.test/v1/models', providerInit({ 'x-request-id': 'req-42' }));
    await upstreamFetch('https://gw.test/v1/models');
    await upstreamFetch('https://gw.test/v1/models');
    const ids = fake.calls.map((call) => call.headers.get('x-request-id'));
    expect(ids[0]).toBe('req-42');
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[2]).not.toBe(ids[1]);
  });
});
