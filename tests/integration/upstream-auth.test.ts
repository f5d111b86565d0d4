import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthOptions, createSimulator, type Simulator } from '@/lib/simulator';
import { type RunningServer, startSimulatorServer } from '@/lib/simulator/node-server';
import { loadApp, textOf } from '../support/app';

/**
 * The real app, configured for each auth scheme by environment, against the standalone
 * simulator over HTTP: the simulator's verifier is the judge of what the app's signer sends.
 */

const API_KEY = 'sk-it-upstream-key-1234';
const SECRET = 'it-hmac-secret-5678';
const CLIENT_ID = 'studio-it';
const CLIENT_SECRET = 'it-client-secret-9012';

let simulator: Simulator;
let server: RunningServer;

async function serve(auth: AuthOptions) {
  await server?.close();
  simulator = createSimulator({ auth });
  server = await startSimulatorServer(simulator, { port: 0, host: '127.0.0.1' });
}

async function appWith(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as { __studioRuntime?: unknown }).__studioRuntime;
  for (const key of Object.keys(process.env).filter((name) => name.startsWith('DEEPSEEK_'))) delete process.env[key];
  Object.assign(process.env, { DEEPSEEK_BASE_URL: server.url, ...env });
  return loadApp();
}

afterAll(async () => {
  await server?.close();
});

describe('bearer', () => {
  beforeAll(() => serve({ scheme: 'bearer', apiKey: API_KEY }));

  it('answers with the right key and sends it only as the bearer token', async () => {
    const app = await appWith({ DEEPSEEK_API_KEY: API_KEY });
    const { stream } = await app.turn('Hello over bearer');
    expect(stream.errors).toEqual([]);
    expect(stream.text).toContain('Hello over bearer');
    const sent = simulator.recorder.last();
    expect(sent?.status).toBe(200);
    expect(sent?.headers['x-request-id']).toBe(stream.metadata.requestId);
  });

  it('maps a wrong key to the operator-facing error, without the key', async () => {
    const app = await appWith({ DEEPSEEK_API_KEY: 'sk-wrong-key-0000000' });
    const { stream, conversationId } = await app.turn('Hello with a bad key');
    expect(simulator.recorder.last()?.status).toBe(401);
    expect(stream.errors[0]?.code).toBe('upstream_auth:upstream');
    expect(stream.errors[0]?.message).toMatch(/API key is invalid/);
    expect(JSON.stringify(stream.chunks)).not.toContain('sk-wrong-key');
    const stored = (await app.getConversation(conversationId)).body.messages;
    expect(stored[1]?.metadata?.status).toBe('error');
  });
});

describe('hmac', () => {
  beforeAll(() => serve({ scheme: 'hmac', apiKey: API_KEY, secretKey: SECRET }));

  it('signs every request so the verifier accepts it, across turns', async () => {
    const app = await appWith({ DEEPSEEK_AUTH: 'hmac', DEEPSEEK_API_KEY: API_KEY, DEEPSEEK_SECRET_KEY: SECRET });
    const first = await app.turn('Signed question one');
    const second = await app.turn('Signed question two', { id: first.conversationId });
    expect(second.stream.errors).toEqual([]);
    expect(textOf((await app.getConversation(first.conversationId)).body.messages[3])).toBe(second.stream.text);
    const sent = simulator.recorder.last();
    expect(sent?.status).toBe(200);
    expect(sent?.headers['x-api-key']).toBeDefined();
    expect(sent?.headers.authorization).toBeUndefined();
  });

  it('a wrong secret is rejected by the verifier and reported as a key problem', async () => {
    const app = await appWith({
      DEEPSEEK_AUTH: 'hmac',
      DEEPSEEK_API_KEY: API_KEY,
      DEEPSEEK_SECRET_KEY: 'not-the-secret',
    });
    const { stream } = await app.turn('Badly signed');
    expect(simulator.recorder.last()?.status).toBe(401);
    expect(stream.errors[0]?.code).toBe('upstream_auth:upstream');
    expect(JSON.stringify(stream.chunks)).not.toContain('not-the-secret');
  });
});

describe('oauth2', () => {
  beforeAll(() => serve({ scheme: 'oauth2', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }));

  it('fetches one token, reuses it, and refreshes once after the server forgets it', async () => {
    const app = await appWith({
      DEEPSEEK_AUTH: 'oauth2',
      DEEPSEEK_TOKEN_URL: `${server.url}/oauth/token`,
      DEEPSEEK_CLIENT_ID: CLIENT_ID,
      DEEPSEEK_CLIENT_SECRET: CLIENT_SECRET,
    });
    const first = await app.turn('Token question one');
    await app.turn('Token question two', { id: first.conversationId });
    expect(simulator.recorder.tokensIssued).toBe(1);

    simulator.revokeTokens();
    const third = await app.turn('After revocation', { id: first.conversationId });
    expect(third.stream.errors).toEqual([]);
    expect(third.stream.text).toContain('After revocation');
    expect(simulator.recorder.tokensIssued).toBe(2);
  });

  it('a wrong client secret fails cleanly as a key problem', async () => {
    const app = await appWith({
      DEEPSEEK_AUTH: 'oauth2',
      DEEPSEEK_TOKEN_URL: `${server.url}/oauth/token`,
      DEEPSEEK_CLIENT_ID: CLIENT_ID,
      DEEPSEEK_CLIENT_SECRET: 'wrong-client-secret',
    });
    const { stream } = await app.turn('Wrong client');
    expect(stream.errors[0]?.code).toBe('upstream_auth:upstream');
    expect(JSON.stringify(stream.chunks)).not.toContain('wrong-client-secret');
  });
});
