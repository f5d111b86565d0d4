import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from './handler';
import { signHmac } from './hmac';
import { type RunningServer, startSimulatorServer } from './node-server';
import { chunksOf, readSse } from './testing';

const simulator = createSimulator({ auth: { scheme: 'bearer', apiKey: 'sk-e2e-key-0001' } });
let server: RunningServer;

beforeAll(async () => {
  server = await startSimulatorServer(simulator, { port: 0 });
});
afterAll(async () => {
  await server.close();
});

const post = (body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-e2e-key-0001', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });
const ask = { model: 'deepseek-flash', stream: true, messages: [{ role: 'user', content: 'over the wire' }] };

describe('standalone server', () => {
  it('listens on an ephemeral port and streams a completion', async () => {
    expect(server.port).toBeGreaterThan(0);
    const response = await post(ask, { 'x-request-id': 'e2e-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-request-id')).toBe('e2e-1');
    const read = await readSse(response);
    expect(read.error).toBeUndefined();
    expect(read.data.at(-1)).toBe('[DONE]');
    const chunks = chunksOf(read);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    const answer = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(answer).toContain('> over the wire');
    expect(simulator.recorder.last()).toMatchObject({ id: 'e2e-1', completed: true, status: 200 });
  });

  it('rejects a bad key over the wire', async () => {
    const response = await post(ask, { authorization: 'Bearer nope-nope-1234' });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toContain('****1234');
  });

  it('aborts the simulated request when the client disconnects', async () => {
    const controller = new AbortController();
    const response = await post(
      ask,
      { 'x-simulator-fault': 'chunk-delay=20', 'x-request-id': 'e2e-abort' },
      controller.signal,
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const entry = await simulator.recorder.waitFor((r) => r.id === 'e2e-abort' && r.aborted, { timeoutMs: 2000 });
    expect(entry.completed).toBe(false);
  });

  it('cuts the connection on drop-after, so the client sees a truncated stream', async () => {
    const response = await post(ask, { 'x-simulator-fault': 'drop-after=2' });
    const read = await readSse(response);
    expect(read.error).toBeDefined();
    expect(read.data).toHaveLength(2);
  });

  it('serves GET endpoints', async () => {
    const response = await fetch(`${server.url}/user/balance`, {
      headers: { authorization: 'Bearer sk-e2e-key-0001' },
    });
    expect((await response.json()).is_available).toBe(true);
  });
});

describe('standalone server with HMAC auth', () => {
  it('verifies a signature over the exact path, query and body bytes sent on the wire', async () => {
    const auth = { scheme: 'hmac', apiKey: 'ak-wire', secretKey: 'sk-wire' } as const;
    const running = await startSimulatorServer(createSimulator({ auth }), { port: 0 });
    try {
      const body = JSON.stringify({ ...ask, stream: false });
      const path = '/v1/chat/completions?trace=abc';
      const timestamp = String(Math.floor(Date.now() / 1000));
      const send = (signedBody: string) =>
        fetch(`${running.url}${path}`, {
          method: 'POST',
          body,
          headers: {
            'x-api-key': auth.apiKey,
            'x-timestamp': timestamp,
            'x-signature': signHmac({ secretKey: auth.secretKey, method: 'POST', path, timestamp, body: signedBody }),
          },
        });
      expect((await send(body)).status).toBe(200);
      expect((await send(`${body} `)).status).toBe(401);
    } finally {
      await running.close();
    }
  });
});
