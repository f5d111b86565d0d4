import { describe, expect, it } from 'vitest';
import { createSimulator } from './handler';
import { SimulatorRecorder } from './recorder';
import { chatRequest } from './testing';

const ask = { model: 'deepseek-flash', messages: [{ role: 'user', content: 'record me' }], stream: true };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SimulatorRecorder', () => {
  it('records method, path, redacted headers, body, status and completion', async () => {
    const simulator = createSimulator({ auth: { scheme: 'bearer', apiKey: 'sk-secret-value-1' }, now: () => 42 });
    const response = await simulator.handle(
      new Request('http://s/v1/chat/completions?x=1', {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk-secret-value-1',
          'x-api-key': 'k',
          'x-signature': 's',
          'x-custom': 'kept',
        },
        body: JSON.stringify({ ...ask, stream: false }),
      }),
    );
    await response.text();
    const entry = simulator.recorder.last();
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions?x=1',
      receivedAt: 42,
      status: 200,
      completed: true,
      aborted: false,
      body: { ...ask, stream: false },
      id: response.headers.get('x-request-id'),
    });
    expect(entry?.headers).toMatchObject({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
      'x-signature': '[redacted]',
      'x-custom': 'kept',
    });
    expect(JSON.stringify(entry)).not.toContain('sk-secret-value-1');
  });

  it('elides huge strings (inline images) from recorded bodies', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const big = 'x'.repeat(100_000);
    await simulator.handle(chatRequest({ model: 'deepseek-flash', messages: [{ role: 'user', content: big }] }));
    const body = simulator.recorder.last()?.body as { messages: { content: string }[] };
    const content = body.messages[0]?.content;
    expect(content).toMatch(/…\[elided 99936 chars\]$/);
  });

  it('keeps only the last N requests; clear() empties it', async () => {
    const recorder = new SimulatorRecorder(2);
    for (const id of ['a', 'b', 'c']) recorder.begin({ id, method: 'GET', path: '/', headers: {}, receivedAt: 0 });
    expect(recorder.list().map((r) => r.id)).toEqual(['b', 'c']);
    recorder.clear();
    expect(recorder.list()).toEqual([]);
    expect(recorder.last()).toBeUndefined();
  });

  it('waitFor resolves with past or future matches, and times out', async () => {
    const recorder = new SimulatorRecorder();
    const record = recorder.begin({ id: 'a', method: 'GET', path: '/', headers: {}, receivedAt: 0 });
    await expect(recorder.waitFor((r) => r.id === 'a')).resolves.toMatchObject({ id: 'a' });
    const completed = recorder.waitFor((r) => r.completed);
    record.complete();
    await expect(completed).resolves.toMatchObject({ id: 'a', completed: true });
    await expect(recorder.waitFor((r) => r.id === 'zzz', { timeoutMs: 10 })).rejects.toThrow(/no matching request/);
  });
});

describe('abort', () => {
  it('marks the request aborted and stops producing when the body is cancelled mid-stream', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' }, chunkDelayMs: 10 });
    const response = await simulator.handle(chatRequest(ask));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const entry = simulator.recorder.last();
    expect(entry?.aborted).toBe(true);
    const sent = entry?.chunksSent;
    await sleep(60);
    expect(simulator.recorder.last()?.chunksSent).toBe(sent);
    expect(entry?.completed).toBe(false);
  });

  it('marks the request aborted when its signal aborts mid-stream (the browser pressed stop)', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' }, chunkDelayMs: 10 });
    const controller = new AbortController();
    const response = await simulator.handle(chatRequest(ask, {}, { signal: controller.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await expect(simulator.recorder.waitFor((r) => r.aborted, { timeoutMs: 500 })).resolves.toBeTruthy();
    const sent = simulator.recorder.last()?.chunksSent;
    await sleep(50);
    expect(simulator.recorder.last()?.chunksSent).toBe(sent);
  });

  it('rejects and marks aborted when the signal aborts during first-byte-delay', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const controller = new AbortController();
    const pending = simulator.handle(
      chatRequest(ask, { 'x-simulator-fault': 'first-byte-delay=5000' }, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(simulator.recorder.last()).toMatchObject({ aborted: true, completed: false, status: 0 });
  });

  it('does not mark a finished request aborted when its signal aborts later', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const controller = new AbortController();
    const response = await simulator.handle(chatRequest(ask, {}, { signal: controller.signal }));
    await response.text();
    controller.abort();
    expect(simulator.recorder.last()).toMatchObject({ completed: true, aborted: false });
  });
});
