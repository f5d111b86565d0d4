import { describe, expect, it } from 'vitest';
import { classifyUpstreamError, isAbortError } from './classify';
import type { UpstreamConfig } from './config';
import { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';
import { createUpstreamFetch } from './fetch';
import { fakeTransport, jsonResponse, KEEP_ALIVE, type Step, shortTranscript, sseResponse } from './fixtures';
import { SseScanner, splitEvents, watchSseBody } from './sse-watch';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SseScanner', () => {
  const scanAll = (...chunks: string[]) => {
    const scanner = new SseScanner();
    return { found: chunks.map((chunk) => scanner.scan(bytes(chunk))), scanner };
  };

  it('sees a data line, but not keep-alive comments', () => {
    expect(scanAll(': keep-alive\n\n', 'data: {"a":1}\n\n').found).toEqual([false, true]);
  });

  it('follows a line split across chunks', () => {
    expect(scanAll('da', 'ta: {"a":1}\n\n').found).toEqual([false, true]);
    expect(scanAll(': keep-', 'alive data: x\n\n').found).toEqual([false, false]);
  });

  it('only counts `data` at the start of a line, with CRLF or CR line ends', () => {
    expect(scanAll(': data: x\r\n\r\n').found).toEqual([false]);
    expect(scanAll('event: x\r\ndata: y\r\n\r\n').found).toEqual([true]);
    expect(scanAll(': keep-alive\r\rdata: y\r\r').found).toEqual([true]);
    expect(scanAll('database: no\n\n').found).toEqual([false]);
    expect(scanAll('data\n\n').found).toEqual([true]);
  });

  it('notices data: [DONE], also split and without a trailing newline', () => {
    expect(scanAll('data: {"a":1}\n\n').scanner.sawDone).toBe(false);
    expect(scanAll('data: [DO', 'NE]\n\n').scanner.sawDone).toBe(true);
    expect(scanAll('data:[DONE]\n').scanner.sawDone).toBe(true);
    expect(scanAll('data: [DONE]x\n').scanner.sawDone).toBe(false);
    const { scanner } = scanAll('data: [DONE]');
    scanner.finish();
    expect(scanner.sawDone).toBe(true);
  });
});

const config = (transport: typeof fetch, overrides: Partial<UpstreamConfig> = {}): UpstreamConfig => ({
  provider: 'deepseek',
  baseURL: 'https://api.test',
  auth: { scheme: 'bearer', apiKey: 'sk-test' },
  firstContentTimeoutMs: 300,
  idleTimeoutMs: 200,
  transport,
  // Timeouts of one attempt; retries are tested in resilience.test.ts.
  retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
  ...overrides,
});

/** POST through the upstream fetch and read the whole body; returns the text or the error. */
async function stream(steps: Step[], options: { signal?: AbortSignal; readDelayMs?: number } = {}) {
  const fake = fakeTransport((call) => sseResponse(steps, call.signal));
  const upstreamFetch = createUpstreamFetch(config(fake.transport));
  const decoder = new TextDecoder();
  let text = '';
  try {
    const response = await upstreamFetch('https://api.test/chat/completions', {
      method: 'POST',
      body: '{}',
      signal: options.signal,
    });
    const reader = response.body!.getReader();
    for (;;) {
      if (options.readDelayMs) await new Promise((resolve) => setTimeout(resolve, options.readDelayMs));
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return { text, error: undefined, calls: fake.calls };
  } catch (error) {
    return { text, error, calls: fake.calls };
  }
}

describe('streaming timeouts', () => {
  it('passes the bytes through unchanged when content arrives in time', async () => {
    const result = await stream([KEEP_ALIVE, { wait: 100 }, KEEP_ALIVE, { wait: 100 }, ...shortTranscript]);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe([KEEP_ALIVE, KEEP_ALIVE, ...shortTranscript].join(''));
  });

  it('times out when only keep-alives arrive for longer than firstContentTimeoutMs', async () => {
    const steps: Step[] = [KEEP_ALIVE, { wait: 100 }, KEEP_ALIVE, { wait: 100 }, KEEP_ALIVE, { wait: 400 }];
    const result = await stream([...steps, ...shortTranscript]);
    expect(result.error).toBeInstanceOf(UpstreamTimeoutError);
    expect((result.error as UpstreamTimeoutError).phase).toBe('first-content');
    expect(classifyUpstreamError(result.error).code).toBe('upstream_timeout:upstream');
    expect(result.calls[0]?.signal?.aborted).toBe(true); // the upstream request was aborted
    // Held back while the call could still be retried: nothing reached the caller.
    expect(result.text).toBe('');
  });

  it('times out on an idle gap after content started, keep-alives notwithstanding', async () => {
    const [first, ...rest] = shortTranscript;
    const result = await stream([first!, { wait: 60 }, KEEP_ALIVE, { wait: 60 }, KEEP_ALIVE, { wait: 200 }, ...rest]);
    expect((result.error as UpstreamTimeoutError).phase).toBe('idle');
    expect(classifyUpstreamError(result.error).code).toBe('upstream_timeout:upstream');
    expect(result.calls[0]?.signal?.aborted).toBe(true);
    expect(result.text).toBe(first + KEEP_ALIVE + KEEP_ALIVE);
  });

  it('does not count time the consumer spends not reading', async () => {
    const [first, ...rest] = shortTranscript;
    const result = await stream([first!, ...rest], { readDelayMs: 250 }); // each pause > idleTimeoutMs
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(shortTranscript.join(''));
  });

  it('times out waiting for the response headers', async () => {
    const fake = fakeTransport(
      (call) =>
        new Promise<Response>((_resolve, reject) =>
          call.signal?.addEventListener('abort', () => reject(new Error('x'))),
        ),
    );
    const started = performance.now();
    const error = await createUpstreamFetch(config(fake.transport))('https://api.test/models').catch((e) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error.phase).toBe('headers');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
  });

  it('errors as interrupted when the stream ends without data: [DONE] or the connection drops', async () => {
    const cut = await stream(shortTranscript.slice(0, 2));
    expect(cut.error).toBeInstanceOf(UpstreamInterruptedError);
    const dropped = await stream([shortTranscript[0]!, { wait: 5 }, { fail: new TypeError('terminated') }]);
    expect(dropped.error).toBeInstanceOf(UpstreamInterruptedError);
    expect(classifyUpstreamError(dropped.error).code).toBe('upstream_interrupted:upstream');
  });

  it("propagates the caller's abort to the transport, before and after the headers", async () => {
    const midStream = new AbortController();
    setTimeout(() => midStream.abort(), 30);
    const result = await stream([shortTranscript[0]!, { wait: 500 }, ...shortTranscript.slice(1)], {
      signal: midStream.signal,
    });
    expect(result.calls[0]?.signal?.aborted).toBe(true);
    expect(isAbortError(result.error)).toBe(true);
    expect(result.text).toBe(shortTranscript[0]);

    const beforeHeaders = new AbortController();
    const fake = fakeTransport(
      (call) =>
        new Promise<Response>((_resolve, reject) =>
          call.signal?.addEventListener('abort', () => reject(call.signal?.reason)),
        ),
    );
    const pending = createUpstreamFetch(config(fake.transport))('https://api.test/models', {
      signal: beforeHeaders.signal,
    });
    beforeHeaders.abort();
    const error = await pending.catch((e) => e);
    expect(fake.calls[0]?.signal?.aborted).toBe(true);
    expect(isAbortError(error)).toBe(true);
  });

  it('hands chunks through as the same objects and leaves non-SSE bodies alone', async () => {
    const chunks = shortTranscript.map(bytes);
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const fake = fakeTransport(() => new Response(source, { headers: { 'content-type': 'text/event-stream' } }));
    const response = await createUpstreamFetch(config(fake.transport))('https://api.test/x', { method: 'POST' });
    const seen: Uint8Array[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) seen.push(chunk);
    expect(seen).toHaveLength(chunks.length);
    for (const [index, chunk] of seen.entries()) expect(chunk).toBe(chunks[index]);

    const json = fakeTransport(() => jsonResponse(200, { ok: true }));
    const plain = await createUpstreamFetch(config(json.transport))('https://api.test/models');
    expect(await plain.json()).toEqual({ ok: true });
  });
});

describe('splitEvents', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const text = (pieces: Uint8Array[]) => pieces.map((piece) => new TextDecoder().decode(piece));

  it('splits a burst after each blank line and keeps a trailing partial event', () => {
    expect(text(splitEvents(bytes('data: 1\n\ndata: 2\n\n: keep-alive\n\ndata: 3')))).toEqual([
      'data: 1\n\n',
      'data: 2\n\n',
      ': keep-alive\n\n',
      'data: 3',
    ]);
    expect(text(splitEvents(bytes('data: 1\n')))).toEqual(['data: 1\n']);
    expect(text(splitEvents(bytes('\n\n')))).toEqual(['\n\n']);
  });

  it('forwards every byte of a burst, event by event, in order', async () => {
    const burst = 'data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n';
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes(burst));
        controller.close();
      },
    });
    const watched = watchSseBody(body, {
      firstContentTimeoutMs: 1000,
      idleTimeoutMs: 1000,
      startedAt: performance.now(),
      onTimeout: () => {},
    });
    const reads: string[] = [];
    const reader = watched.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads.push(new TextDecoder().decode(value));
    }
    expect(reads).toEqual(['data: {"a":1}\n\n', 'data: {"a":2}\n\n', 'data: [DONE]\n\n']);
  });
});
