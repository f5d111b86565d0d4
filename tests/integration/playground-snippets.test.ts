import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '@/lib/models';
import { assembleRun } from '@/lib/playground/assemble';
import { curlSnippet } from '@/lib/playground/codegen/curl';
import { typescriptSnippet } from '@/lib/playground/codegen/typescript';
import type { RunEvent } from '@/lib/playground/events';
import { buildUpstreamRequest } from '@/lib/playground/request';
import { defaultState } from '@/lib/playground/state';
import type { UpstreamTarget } from '@/lib/playground/target';
import { type AuthOptions, createSimulator } from '@/lib/simulator';
import { startSimulatorServer } from '@/lib/simulator/node-server';

/**
 * The code view's snippets, executed: the curl script with bash + curl and the TypeScript (openai
 * SDK) program with tsx, each against a standalone simulator over real HTTP, with bearer and with
 * HMAC auth (where the snippet computes the signature the simulator verifies).
 */

const run = promisify(execFile);
const PORT = 3301;
const apiKey = 'sk-snippet-test-key-0001';
const secretKey = 'snippet-secret';
const spec = createRegistry().get('deepseek-flash')!;
const state = {
  ...defaultState('deepseek-flash'),
  system: "Answer briefly. Don't ramble.",
  messages: [{ role: 'user' as const, content: 'Name one "prime" number.' }],
  temperature: 0,
  maxTokens: 4096,
};
// Files that import `openai` must live under the repo so Node resolves it from node_modules.
const scratch = resolve('node_modules/.cache/playground-snippets');
mkdirSync(scratch, { recursive: true });
const shellDir = mkdtempSync(join(tmpdir(), 'snippets-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function withSimulator<T>(
  auth: AuthOptions,
  body: (url: string, sim: ReturnType<typeof createSimulator>) => Promise<T>,
) {
  const simulator = createSimulator({ auth });
  const server = await startSimulatorServer(simulator, { port: PORT });
  try {
    return await body(server.url, simulator);
  } finally {
    await server.close();
  }
}

/** The SSE `data:` lines a snippet printed, assembled like the playground does. */
function answerFrom(output: string) {
  const events: RunEvent[] = output
    .split('\n')
    .map((line) => line.replace(/^data: /, ''))
    .filter((line) => line.startsWith('{') || line === '[DONE]')
    .map((data) => ({ type: 'sse', t: 0, data }));
  return assembleRun(events);
}

const env = { ...process.env, DEEPSEEK_API_KEY: apiKey, DEEPSEEK_SECRET_KEY: secretKey };

describe.each([
  ['bearer', { scheme: 'bearer', apiKey }],
  ['hmac', { scheme: 'hmac', apiKey, secretKey }],
] as const)('executed snippets with %s auth', (scheme, auth) => {
  const targetFor = (url: string): UpstreamTarget => ({ baseURL: url, provider: 'deepseek', auth: scheme });

  it('the curl snippet gets a complete answer, and the simulator received the built body', {
    timeout: 30_000,
  }, async () => {
    await withSimulator(auth, async (url, simulator) => {
      const request = buildUpstreamRequest(state, spec, targetFor(url));
      const file = join(shellDir, `request-${scheme}.sh`);
      writeFileSync(file, curlSnippet({ request, target: targetFor(url) }));
      const { stdout } = await run('bash', [file], { env });
      const answer = answerFrom(stdout);
      expect(answer.content.length).toBeGreaterThan(0);
      expect(answer.finishReason).toBe('stop');
      expect(answer.usage?.outputTokens).toBeGreaterThan(0);
      const received = simulator.recorder.last();
      expect(received?.status).toBe(200);
      expect(received?.body).toEqual(request.body);
    });
  });

  it('the TypeScript (openai SDK) snippet gets a complete answer', { timeout: 60_000 }, async () => {
    await withSimulator(auth, async (url, simulator) => {
      const request = buildUpstreamRequest(state, spec, targetFor(url));
      const file = join(scratch, `snippet-${scheme}.mts`);
      writeFileSync(file, typescriptSnippet({ request, target: targetFor(url) }));
      const { stdout } = await run(resolve('node_modules/.bin/tsx'), [file], { env });
      expect(stdout).toContain('total_tokens');
      const received = simulator.recorder.last();
      expect(received?.status).toBe(200);
      expect(received?.completed).toBe(true);
      expect(received?.body).toMatchObject({ model: 'deepseek-flash', temperature: 0, max_tokens: 4096 });
      expect((received?.body as { messages?: unknown } | undefined)?.messages).toEqual(request.body.messages);
      // The answer text streamed to stdout before the usage line.
      expect(stdout.split('total_tokens')[0]?.trim().length).toBeGreaterThan(0);
    });
  });

  it('a wrong key is refused (the snippet really authenticates)', { timeout: 30_000 }, async () => {
    await withSimulator(auth, async (url, simulator) => {
      const request = buildUpstreamRequest(state, spec, targetFor(url));
      const file = join(shellDir, `wrong-${scheme}.sh`);
      writeFileSync(file, curlSnippet({ request, target: targetFor(url) }));
      await run('bash', [file], {
        env: { ...env, DEEPSEEK_API_KEY: 'sk-wrong-key-0000', DEEPSEEK_SECRET_KEY: 'nope' },
      });
      expect(simulator.recorder.last()?.status).toBe(401);
    });
  });
});
