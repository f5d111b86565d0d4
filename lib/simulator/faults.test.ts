import { describe, expect, it } from 'vitest';
import { parseFault } from './faults';
import { createSimulator } from './handler';
import { type ChatChunk, chatRequest, chunksOf, readSse } from './testing';

const body = (extra: Record<string, unknown> = {}) => ({
  model: 'deepseek-flash',
  messages: [{ role: 'user', content: 'fault test' }],
  stream: true,
  ...extra,
});
const withFault = (fault: string, extra?: Record<string, unknown>) =>
  chatRequest(body(extra), { 'x-simulator-fault': fault });
const contentChunks = (chunks: ChatChunk[]) =>
  chunks.filter(
    (c) => c.choices[0]?.delta.content != null && c.choices[0]?.finish_reason === null && !c.choices[0]?.delta.role,
  );

describe('parseFault', () => {
  it('parses every item', () => {
    const parsed = parseFault(
      'status=503; retry-after=2;times=2;key=k1;first-byte-delay=10;keepalive=3x50;drop-after=4;malformed-after=2;chunk-delay=5;chunks=9',
    );
    expect(parsed).toEqual({
      ok: true,
      fault: {
        status: 503,
        retryAfterSeconds: 2,
        times: 2,
        key: 'k1',
        firstByteDelayMs: 10,
        keepalive: { count: 3, intervalMs: 50 },
        dropAfter: 4,
        malformedAfter: 2,
        chunkDelayMs: 5,
        chunks: 9,
      },
    });
  });

  it.each([
    ['status=abc', /status must be a non-negative integer/],
    ['status=200', /status must be 400–599/],
    ['stauts=503', /unknown item "stauts"/],
    ['status', /is not key=value/],
    ['status=503;status=500', /given twice/],
    ['times=2', /times and key go together/],
    ['retry-after=2', /retry-after needs status/],
    ['keepalive=3', /keepalive must be <count>x<intervalMs>/],
    ['chunks=0', /chunks must be at least 1/],
  ])('rejects %s', (raw, message) => {
    const parsed = parseFault(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('fault injection', () => {
  it('applies the default fault only to requests without a header of their own', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' }, defaultFault: 'status=503' });
    expect((await simulator.handle(chatRequest({}))).status).toBe(503);
    expect((await simulator.handle(withFault('chunks=3'))).status).toBe(200);
  });

  it('answers 400 to an unparseable fault header', async () => {
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(withFault('status=5o3'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^Invalid x-simulator-fault header/);
  });

  it.each([
    [402, 'Insufficient Balance', 'unknown_error'],
    [429, 'Rate Limit Reached', 'rate_limit_error'],
    [500, 'Server Error', 'server_error'],
    [503, 'Server Overloaded', 'server_error'],
    [422, 'Invalid Parameters (simulated)', 'invalid_request_error'],
  ])('status=%i answers with the error body for it', async (status, message, type) => {
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(withFault(`status=${status}`));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()).error).toMatchObject({ message, type, param: null });
  });

  it('status=401 masks the key that was sent', async () => {
    const simulator = createSimulator({ auth: { scheme: 'bearer', apiKey: 'sk-good-key-wxyz' } });
    const response = await simulator.handle(
      chatRequest(body(), { authorization: 'Bearer sk-good-key-wxyz', 'x-simulator-fault': 'status=401' }),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe('Authentication Fails, Your api key: ****wxyz is invalid');
  });

  it('adds Retry-After when given', async () => {
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(withFault('status=429;retry-after=2'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('times=n;key=k applies the fault to the first n requests with that key only', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await simulator.handle(withFault('status=503;times=2;key=retry-1'))).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await simulator.handle(withFault('status=503;times=2;key=retry-2'))).status).toBe(503);
    simulator.reset();
    expect((await simulator.handle(withFault('status=503;times=2;key=retry-1'))).status).toBe(503);
  });

  it('first-byte-delay holds the response headers back', async () => {
    const started = performance.now();
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(withFault('first-byte-delay=120'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(response.status).toBe(200);
  });

  it('keepalive sends comments before the first data chunk', async () => {
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(withFault('keepalive=2x10'));
    const read = await readSse(response);
    expect(read.text.startsWith(': keep-alive\n\n: keep-alive\n\ndata: {')).toBe(true);
    expect(read.comments).toEqual(['keep-alive', 'keep-alive']);
    expect(read.data.at(-1)).toBe('[DONE]');
  });

  it('keepalive sends blank lines before a non-streaming body', async () => {
    const response = await createSimulator({ auth: { scheme: 'none' } }).handle(
      withFault('keepalive=3x5', { stream: false }),
    );
    const text = await response.text();
    expect(text.startsWith('\n\n\n{')).toBe(true);
    expect(JSON.parse(text).object).toBe('chat.completion');
  });

  it('drop-after=n ends the stream with an error after n chunks, with no finish chunk or [DONE]', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const read = await readSse(await simulator.handle(withFault('drop-after=3')));
    expect(read.error?.message).toMatch(/simulated connection drop/);
    expect(read.data).toHaveLength(3);
    expect(read.data).not.toContain('[DONE]');
    expect(simulator.recorder.last()).toMatchObject({ chunksSent: 3, completed: false, aborted: false });
  });

  it('malformed-after=n inserts a broken data line after n chunks', async () => {
    const read = await readSse(
      await createSimulator({ auth: { scheme: 'none' } }).handle(withFault('malformed-after=2')),
    );
    expect(read.data[2]).toBe('{not json');
    expect(() => JSON.parse(read.data[1] ?? '')).not.toThrow();
    expect(read.data.at(-1)).toBe('[DONE]');
  });

  it('chunks=n makes exactly n content chunks, generating text to length', async () => {
    for (const [chunks, thinking] of [
      [3, 'disabled'],
      [500, 'disabled'],
      [40, 'enabled'],
    ] as const) {
      const simulator = createSimulator({ auth: { scheme: 'none' } });
      const read = await readSse(
        await simulator.handle(withFault(`chunks=${chunks}`, { thinking: { type: thinking } })),
      );
      expect(contentChunks(chunksOf(read))).toHaveLength(chunks);
    }
  });

  it('chunk-delay paces chunks and overrides the simulator default', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' }, chunkDelayMs: 1000 });
    const started = performance.now();
    await readSse(await simulator.handle(withFault('chunks=4;chunk-delay=25', { thinking: { type: 'disabled' } })));
    const elapsed = performance.now() - started;
    // role + 4 content + finish = 6 chunks, 5 gaps.
    expect(elapsed).toBeGreaterThanOrEqual(5 * 25 - 5);
    expect(elapsed).toBeLessThan(1000);
  });

  it('applies to other endpoints too', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const response = await simulator.handle(
      new Request('http://s/models', { headers: { 'x-simulator-fault': 'status=500' } }),
    );
    expect(response.status).toBe(500);
  });
});
