import { describe, expect, it, vi } from 'vitest';
import { cachedHighlight, createHighlightClient, type WorkerLike } from './highlight-client';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';

/** A worker that answers only when the test says so. */
class FakeWorker implements WorkerLike {
  posted: HighlightRequest[] = [];
  terminated = false;
  private listeners: Record<string, ((event: never) => void)[]> = {};

  postMessage(message: HighlightRequest) {
    this.posted.push(message);
  }
  addEventListener(type: string, listener: (event: never) => void) {
    this.listeners[type] = [...(this.listeners[type] ?? []), listener];
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: 'message' | 'error', event: unknown) {
    for (const listener of this.listeners[type] ?? []) listener(event as never);
  }
  reply(response: HighlightResponse) {
    this.emit('message', { data: response });
  }
  /** Answers every request posted so far with one token per line, tagged with who answered. */
  answerAll() {
    for (const { id, kind, code } of this.posted.splice(0)) this.reply({ id, result: tokens(kind, code, 'worker') });
  }
}

const tokens = (kind: HighlightRequest['kind'], code: string, by: string) => {
  const source = kind === 'streaming' ? code.slice(0, -1) : code;
  const lines = source.split('\n').map((line) => [{ content: line, style: { '--by': by } }]);
  return kind === 'streaming' ? { source: code, lines } : lines;
};

function setup({ startTimeoutMs = 60_000 } = {}) {
  const worker = new FakeWorker();
  const startWorker = vi.fn(() => worker);
  const inThread = vi.fn(
    async ({ id, kind, code }: HighlightRequest): Promise<HighlightResponse> => ({
      id,
      result: tokens(kind, code, 'main'),
    }),
  );
  const client = createHighlightClient({ startWorker, inThread, startTimeoutMs });
  return { client, worker, startWorker, inThread };
}

const unique = (label: string) => `${label} ${Math.random()}`;

describe('highlight client', () => {
  it('starts the worker on first use and caches finished blocks on the main thread', async () => {
    const { client, worker, startWorker } = setup();
    expect(startWorker).not.toHaveBeenCalled();
    const code = unique('let a = 1;');
    const pending = client.highlightCode(code, 'ts');
    expect(worker.posted).toEqual([{ id: 1, kind: 'final', code, lang: 'typescript' }]);
    worker.reply({ ready: true });
    worker.answerAll();
    const lines = await pending;
    expect(lines?.[0]?.[0]?.style).toEqual({ '--by': 'worker' });
    expect(cachedHighlight(code, 'typescript')).toBe(lines);
    expect(await client.highlightCode(code, 'ts')).toBe(lines);
    expect(worker.posted).toEqual([]);
    expect(startWorker).toHaveBeenCalledTimes(1);
    expect(client.mode()).toBe('worker');
  });

  it('posts nothing for plain-text languages or a streaming block without a complete line', async () => {
    const { client, startWorker } = setup();
    expect(await client.highlightCode('hello', 'klingon')).toBeUndefined();
    expect(await client.highlightStreaming('print(1', 'python')).toBeUndefined();
    expect(startWorker).not.toHaveBeenCalled();
  });

  it('sends identical requests in flight once; streaming passes send only the complete lines', async () => {
    const { client, worker } = setup();
    const code = unique('x = 1');
    const both = [client.highlightCode(code, 'py'), client.highlightCode(code, 'python')];
    const passes = [client.highlightStreaming(`${code}\ny =`, 'py'), client.highlightStreaming(`${code}\ny = 2`, 'py')];
    expect(worker.posted.map(({ kind, code }) => [kind, code])).toEqual([
      ['final', code],
      ['streaming', `${code}\n`],
    ]);
    worker.answerAll();
    const [first, second] = await Promise.all(both);
    expect(second).toBe(first);
    const [pass] = await Promise.all(passes);
    expect(pass).toEqual({ source: `${code}\n`, lines: [[{ content: code, style: { '--by': 'worker' } }]] });
    // Once answered, the same pass is asked again (streaming results are not cached).
    void client.highlightStreaming(`${code}\n`, 'py');
    expect(worker.posted).toHaveLength(1);
  });

  it('highlights in-thread with the real highlighter where there is no Worker', async () => {
    const client = createHighlightClient();
    const lines = await client.highlightCode(unique('def f(): pass #'), 'python');
    expect(client.mode()).toBe('in-thread');
    expect(lines?.[0]?.[0]).toMatchObject({ content: 'def', style: { '--shiki-dark': expect.stringMatching(/^#/) } });
    const open = await client.highlightStreaming('SELECT 1;\nSEL', 'sql');
    expect(open?.source).toBe('SELECT 1;\n');
  });

  it('falls back in-thread when the worker cannot be constructed', async () => {
    const inThread = vi.fn(async ({ id, kind, code }: HighlightRequest) => ({
      id,
      result: tokens(kind, code, 'main'),
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createHighlightClient({
      startWorker: () => {
        throw new Error('blocked');
      },
      inThread,
    });
    const lines = await client.highlightCode(unique('fn main() {}'), 'rust');
    expect(lines?.[0]?.[0]?.style).toEqual({ '--by': 'main' });
    expect(client.mode()).toBe('in-thread');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('moves pending and later requests in-thread when the worker errors', async () => {
    const { client, worker, inThread } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pending = client.highlightCode(unique('a'), 'go');
    worker.reply({ ready: true });
    worker.emit('error', new Error('crashed'));
    expect((await pending)?.[0]?.[0]?.style).toEqual({ '--by': 'main' });
    expect(worker.terminated).toBe(true);
    // A late answer from the dead worker is ignored; new requests never reach it.
    worker.answerAll();
    await client.highlightCode(unique('b'), 'go');
    expect(worker.posted).toEqual([]);
    expect(inThread).toHaveBeenCalledTimes(2);
    expect(client.mode()).toBe('in-thread');
    warn.mockRestore();
  });

  it('gives up on a worker that never says it started', async () => {
    const { client, worker } = setup({ startTimeoutMs: 5 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const lines = await client.highlightCode(unique('b'), 'bash');
    expect(lines?.[0]?.[0]?.style).toEqual({ '--by': 'main' });
    expect(worker.terminated).toBe(true);
    warn.mockRestore();
  });

  it('retries a request the worker failed in-thread, and rejects only if that fails too', async () => {
    const { client, worker, inThread } = setup();
    worker.reply({ ready: true });
    const retried = client.highlightCode(unique('{}'), 'json');
    worker.reply({ id: 1, error: 'chunk failed to load' });
    expect((await retried)?.[0]?.[0]?.style).toEqual({ '--by': 'main' });
    expect(client.mode()).toBe('worker');

    inThread.mockResolvedValueOnce({ id: 2, error: 'grammar broken' });
    const failed = client.highlightCode(unique('[]'), 'json');
    worker.reply({ id: 2, error: 'grammar broken' });
    await expect(failed).rejects.toThrow('grammar broken');
  });
});
