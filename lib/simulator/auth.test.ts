import { describe, expect, it } from 'vitest';
import { createSimulator, type SimulatorOptions } from './handler';
import { signHmac } from './hmac';

const chatBody = JSON.stringify({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'hi' }] });

function models(
  simulator: ReturnType<typeof createSimulator>,
  headers: Record<string, string>,
  url = 'http://s/v1/models',
) {
  return simulator.handle(new Request(url, { headers }));
}

describe('none', () => {
  it('accepts requests without credentials', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    expect((await models(simulator, {})).status).toBe(200);
  });
});

describe('bearer', () => {
  const simulator = createSimulator({ auth: { scheme: 'bearer', apiKey: 'sk-right-key-0001' } });

  it('accepts the configured key', async () => {
    expect((await models(simulator, { authorization: 'Bearer sk-right-key-0001' })).status).toBe(200);
  });

  it('rejects a wrong key with the real body, showing only its last four characters', async () => {
    const response = await models(simulator, { authorization: 'Bearer sk-wrong-key-abcd' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        message: 'Authentication Fails, Your api key: ****abcd is invalid',
        type: 'authentication_error',
        param: null,
        code: 'invalid_request_error',
      },
    });
  });

  it('never echoes a short key and rejects a missing header', async () => {
    const short = await models(simulator, { authorization: 'Bearer abcd' });
    expect((await short.json()).error.message).toBe('Authentication Fails, Your api key: **** is invalid');
    expect((await models(simulator, {})).status).toBe(401);
  });
});

describe('hmac', () => {
  const now = 1_795_440_000_000;
  const auth = { scheme: 'hmac', apiKey: 'ak-1', secretKey: 'sk-secret-1' } as const;
  const simulator = createSimulator({ auth, now: () => now, basePath: '/api/simulator' });
  const path = '/api/simulator/v1/chat/completions?trace=1';

  function signed(overrides: { timestamp?: number; apiKey?: string; body?: string; signBody?: string } = {}) {
    const timestamp = String(overrides.timestamp ?? now / 1000);
    const body = overrides.body ?? chatBody;
    const signature = signHmac({
      secretKey: auth.secretKey,
      method: 'POST',
      path,
      timestamp,
      body: overrides.signBody ?? body,
    });
    return new Request(`http://s${path}`, {
      method: 'POST',
      body,
      headers: { 'x-api-key': overrides.apiKey ?? auth.apiKey, 'x-timestamp': timestamp, 'x-signature': signature },
    });
  }

  it('accepts a correct signature over the full path (mount prefix and query included)', async () => {
    expect((await simulator.handle(signed())).status).toBe(200);
  });

  it('accepts GET with an empty body', async () => {
    const timestamp = String(now / 1000);
    const signature = signHmac({
      secretKey: auth.secretKey,
      method: 'GET',
      path: '/api/simulator/models',
      timestamp,
      body: '',
    });
    const response = await models(
      simulator,
      { 'x-api-key': auth.apiKey, 'x-timestamp': timestamp, 'x-signature': signature },
      'http://s/api/simulator/models',
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong api key', { apiKey: 'ak-2' }, /Your api key: \*\*\*\* is invalid/],
    ['a signature over another body', { signBody: '{}' }, /signature does not match/],
    ['a stale timestamp', { timestamp: now / 1000 - 301 }, /clock skew/],
    ['a future timestamp', { timestamp: now / 1000 + 301 }, /clock skew/],
  ])('rejects %s', async (_name, overrides, message) => {
    const response = await simulator.handle(signed(overrides));
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.type).toBe('authentication_error');
    expect(body.error.message).toMatch(message);
  });

  it('accepts a timestamp inside the window', async () => {
    expect((await simulator.handle(signed({ timestamp: now / 1000 - 299 }))).status).toBe(200);
  });

  it('rejects missing headers', async () => {
    const request = new Request(`http://s${path}`, {
      method: 'POST',
      body: chatBody,
      headers: { 'x-api-key': 'ak-1' },
    });
    expect((await simulator.handle(request)).status).toBe(401);
  });
});

describe('oauth2', () => {
  let clock = 1_795_440_000_000;
  const options: SimulatorOptions = {
    auth: { scheme: 'oauth2', clientId: 'client-1', clientSecret: 'secret-1', tokenTtlSeconds: 60 },
    now: () => clock,
  };
  const basic = `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`;

  async function token(simulator: ReturnType<typeof createSimulator>, init: RequestInit) {
    const response = await simulator.handle(new Request('http://s/oauth/token', { method: 'POST', ...init }));
    return { status: response.status, body: await response.json(), headers: response.headers };
  }
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  it('issues a token for HTTP Basic credentials and accepts it until it expires', async () => {
    const simulator = createSimulator(options);
    const issued = await token(simulator, {
      headers: { ...form, authorization: basic },
      body: 'grant_type=client_credentials',
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 60 });
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(simulator.recorder.tokensIssued).toBe(1);

    const bearer = { authorization: `Bearer ${issued.body.access_token}` };
    expect((await models(simulator, bearer)).status).toBe(200);
    clock += 61_000;
    const expired = await models(simulator, bearer);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.type).toBe('authentication_error');
  });

  it('accepts credentials in a form or JSON body', async () => {
    const simulator = createSimulator(options);
    const fromForm = await token(simulator, {
      headers: form,
      body: 'grant_type=client_credentials&client_id=client-1&client_secret=secret-1',
    });
    expect(fromForm.status).toBe(200);
    const fromJson = await token(simulator, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'client-1', client_secret: 'secret-1' }),
    });
    expect(fromJson.status).toBe(200);
    expect(simulator.recorder.tokensIssued).toBe(2);
    expect(simulator.recorder.last()?.body).toMatchObject({ client_secret: '[redacted]' });
  });

  it('rejects a bad client with invalid_client and a wrong grant type', async () => {
    const simulator = createSimulator(options);
    const bad = await token(simulator, {
      headers: form,
      body: 'grant_type=client_credentials&client_id=client-1&client_secret=nope',
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ error: 'invalid_client' });
    const grant = await token(simulator, { headers: { ...form, authorization: basic }, body: 'grant_type=password' });
    expect(grant.status).toBe(400);
    expect(grant.body).toEqual({ error: 'unsupported_grant_type' });
    expect(simulator.recorder.tokensIssued).toBe(0);
  });

  it('rejects unknown tokens and tokens revoked by revokeTokens()', async () => {
    const simulator = createSimulator(options);
    expect((await models(simulator, { authorization: 'Bearer made-up' })).status).toBe(401);
    const issued = await token(simulator, {
      headers: { ...form, authorization: basic },
      body: 'grant_type=client_credentials',
    });
    const bearer = { authorization: `Bearer ${issued.body.access_token}` };
    expect((await models(simulator, bearer)).status).toBe(200);
    simulator.revokeTokens();
    expect((await models(simulator, bearer)).status).toBe(401);
  });

  it('has no token endpoint under other schemes', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    expect((await token(simulator, { body: 'grant_type=client_credentials' })).status).toBe(404);
  });
});
