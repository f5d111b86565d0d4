import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { createSimulator, type Simulator } from '@/lib/simulator';
import { type RunningServer, startSimulatorServer } from '@/lib/simulator/node-server';

/**
 * Key custody: the server holds the upstream key, the HMAC secret and the session secret, and none
 * of them may reach a browser or a log. The production build (`next build` in scripts/test.sh, run
 * with canary secrets of its own) is served again here with fresh canary secrets, against a
 * standalone simulator that accepts, rejects and fails per phase. Every page and route is exercised;
 * then no canary may appear in a response body or header, in the server's output, or in a file
 * under .next/static (nor the build canaries under .next/server).
 */

test.use({ storageState: { cookies: [], origins: [] } });

const canary = (label: string) => `sk-canary-${label}-${randomBytes(12).toString('hex')}`;
const secrets = {
  DEEPSEEK_API_KEY: canary('key'),
  DEEPSEEK_SECRET_KEY: canary('hmac'),
  AUTH_SECRET: canary('session'),
};
/** What scripts/test.sh built with (absent when the build ran without them). */
const buildSecrets = ['BUILD_DEEPSEEK_API_KEY', 'BUILD_DEEPSEEK_SECRET_KEY', 'BUILD_AUTH_SECRET']
  .map((name) => process.env[name])
  .filter((value): value is string => Boolean(value));

const port = Number(process.env.E2E_CUSTODY_PORT ?? 3101);
const base = `http://127.0.0.1:${port}`;
const hmac = { scheme: 'hmac' as const, apiKey: secrets.DEEPSEEK_API_KEY, secretKey: secrets.DEEPSEEK_SECRET_KEY };

const phases = {
  ok: createSimulator({ auth: hmac }),
  wrongKey: createSimulator({ auth: { ...hmac, secretKey: 'a-different-secret' } }),
  noBalance: createSimulator({ auth: hmac, defaultFault: 'status=402' }),
  down: createSimulator({ auth: hmac, defaultFault: 'status=500;retry-after=0' }),
};
let phase: Simulator = phases.ok;
/** One upstream address for the app, whose behaviour the test switches per phase. */
const upstream: Simulator = {
  handle: (request) => phase.handle(request),
  get recorder() {
    return phase.recorder;
  },
  revokeTokens: () => phase.revokeTokens(),
  reset: () => phase.reset(),
};

let simulator: RunningServer;
let server: ChildProcess;
let output = '';
const seen: { where: string; text: string }[] = [];

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start:\n${output}`);
}

test.beforeAll(async () => {
  simulator = await startSimulatorServer(upstream, { port: 0 });
  server = spawn(
    process.execPath,
    [
      '--experimental-async-context-frame',
      'node_modules/next/dist/bin/next',
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      env: {
        ...process.env,
        ...secrets,
        DEEPSEEK_AUTH: 'hmac',
        DEEPSEEK_BASE_URL: simulator.url,
        DEEPSEEK_SIMULATOR: 'false',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'studio-custody-')),
        LOG_LEVEL: 'trace',
        AUTH_SECURE_COOKIES: 'false',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitForHealth();
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await simulator?.close();
});

async function record(where: string, response: { headers(): Record<string, string>; text(): Promise<string> }) {
  seen.push({ where, text: `${JSON.stringify(response.headers())}\n${await response.text().catch(() => '')}` });
}

async function call(api: APIRequestContext, method: string, url: string, data?: unknown, headers = {}) {
  const response = await api.fetch(`${base}${url}`, { method, data, headers, failOnStatusCode: false });
  await record(`${method} ${url}`, response);
  return response;
}

async function chat(api: APIRequestContext, text: string, extra: Record<string, unknown> = {}) {
  return call(api, 'POST', '/api/chat', {
    message: { id: randomBytes(6).toString('hex'), role: 'user', parts: [{ type: 'text', text }] },
    model: 'deepseek-flash',
    params: { thinking: false },
    ...extra,
  });
}

test('no secret reaches a browser, a response or a log', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('response', (response) => {
    if (response.url().startsWith(base)) void record(`page ${response.url()}`, response);
  });

  // Signed out: every page redirects or renders the login page.
  for (const url of ['/', '/login', '/settings', '/no-such-page']) await page.goto(`${base}${url}`);
  const api = page.context().request;
  await call(api, 'GET', '/api/models');
  await call(api, 'GET', '/api/auth/providers');
  await call(api, 'GET', '/api/auth/session');

  // Sign up, sign in (Auth.js credentials), and the account routes.
  const email = `custody-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'custody password 1';
  expect((await call(api, 'POST', '/api/auth/sign-up', { email, password })).status()).toBe(201);
  await call(api, 'POST', '/api/auth/sign-up', { email, password: 'weak' });
  const { csrfToken } = (await (await call(api, 'GET', '/api/auth/csrf')).json()) as { csrfToken: string };
  const signIn = await api.post(`${base}/api/auth/callback/credentials`, {
    form: { email, password, csrfToken },
    headers: { 'x-auth-return-redirect': '1' },
  });
  await record('sign-in', signIn);
  expect((await call(api, 'GET', '/api/account')).status()).toBe(200);
  await call(api, 'POST', '/api/account/password', { currentPassword: 'wrong one 1', newPassword: 'x' });

  // The chat against each upstream behaviour.
  phase = phases.ok;
  const ok = await chat(api, 'Hello, custody');
  expect(ok.status()).toBe(200);
  const conversationId = ok.headers()['x-conversation-id']!;
  await expect.poll(async () => (await call(api, 'GET', `/api/conversations/${conversationId}`)).status()).toBe(200);
  for (const [name, simulated, code] of [
    ['wrong key', phases.wrongKey, 'upstream_auth'],
    ['no balance', phases.noBalance, 'upstream_balance'],
    ['upstream down', phases.down, 'upstream_'],
  ] as const) {
    phase = simulated;
    const failed = await chat(api, `Hello again (${name})`, { id: conversationId });
    const body = await failed.text();
    expect(body, name).toContain(code);
  }
  phase = phases.ok;

  // Validation errors and the remaining routes.
  await call(api, 'POST', '/api/chat', 'not json', { 'content-type': 'application/json' });
  await chat(api, 'x', { model: 'no-such-model' });
  await chat(api, 'x', { params: { temperature: 99 } });
  await call(api, 'GET', '/api/conversations?limit=5');
  await call(api, 'GET', '/api/conversations?cursor=%%%');
  await call(api, 'PATCH', `/api/conversations/${conversationId}`, { title: 'Custody' });
  await call(api, 'POST', `/api/chat/${conversationId}/stop`);
  await call(api, 'GET', '/api/admin/users');
  await call(api, 'GET', '/api/health');
  await call(api, 'GET', '/api/simulator/models');

  // Signed in: every page.
  for (const url of ['/', `/c/${conversationId}`, '/settings', '/playground', '/compare', '/admin', '/login']) {
    await page.goto(`${base}${url}`);
  }
  await call(api, 'DELETE', `/api/conversations/${conversationId}`);
  const signOut = await api.post(`${base}/api/auth/signout`, {
    form: { csrfToken },
    headers: { 'x-auth-return-redirect': '1' },
  });
  await record('sign-out', signOut);
  expect((await call(api, 'GET', '/api/account')).status()).toBe(401);
  const guest = await api.post(`${base}/api/auth/callback/guest`, {
    form: { csrfToken },
    headers: { 'x-auth-return-redirect': '1' },
  });
  await record('guest', guest);
  expect((await chat(api, 'Hello as a guest')).status()).toBe(200);
  expect((await chat(api, 'A model guests may not use', { model: 'deepseek-v4-pro' })).status()).toBe(403);
  await page.goto(`${base}/`);
  await page.waitForTimeout(500);

  expect(seen.length).toBeGreaterThan(30);
  for (const secret of Object.values(secrets)) {
    for (const { where, text } of seen) expect(text.includes(secret), `${where} leaks a secret`).toBe(false);
    expect(output.includes(secret), 'the server log leaks a secret').toBe(false);
  }
  // The checks saw what they should: the upstream accepted the canary credentials (HMAC-verified),
  // refused the wrong secret, and the server logged each failure.
  expect(phases.ok.recorder.list().some((request) => request.status === 200)).toBe(true);
  expect(phases.wrongKey.recorder.list().some((request) => request.status === 401)).toBe(true);
  for (const code of ['upstream_auth', 'upstream_balance', 'requestId']) expect(output).toContain(code);

  const staticFiles = filesUnder(path.join(process.cwd(), '.next/static'));
  expect(staticFiles.length).toBeGreaterThan(5);
  const serverFiles = filesUnder(path.join(process.cwd(), '.next/server'));
  for (const file of staticFiles) {
    const content = readFileSync(file, 'latin1');
    for (const secret of [...Object.values(secrets), ...buildSecrets]) {
      expect(content.includes(secret), `${file} contains a secret`).toBe(false);
    }
  }
  for (const file of serverFiles) {
    const content = readFileSync(file, 'latin1');
    for (const secret of buildSecrets) expect(content.includes(secret), `${file} contains a build secret`).toBe(false);
  }
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
