import { cachedTokens, rememberTokens } from './highlight-cache';
import { answerRequest, type HighlightRequest, type HighlightResponse } from './highlight-protocol';
import type { HighlightedCode } from './highlighter';
import { resolveLanguage } from './languages';
import { type StreamingHighlight, streamingSource } from './progressive-highlight';

export { cachedHighlight } from './highlighter';

/** The part of `Worker` the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: HighlightRequest): void;
  addEventListener(type: 'message', listener: (event: { data: HighlightResponse }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface HighlightClientOptions {
  /** Starts the worker, or returns undefined where there is none. May throw. */
  startWorker?: () => WorkerLike | undefined;
  /** Answers a request on this thread: without a worker, or after it failed. */
  inThread?: (request: HighlightRequest) => Promise<HighlightResponse>;
  /** A worker that has not said it started by then is given up (its requests run in-thread). */
  startTimeoutMs?: number;
}

interface Results {
  final: HighlightedCode;
  streaming: StreamingHighlight | undefined;
}

/**
 * The bundler recognises this exact form and emits the worker with its own chunks. Turbopack (Next
 * 16.4) drops `type: 'module'` and starts a classic worker whose entry file `importScripts` them,
 * so the worker's code must not rely on being a module (no top-level await).
 */
function startHighlightWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Highlighting for the browser, with the same results as lib/markdown/highlighter: requests go to
 * one worker (started on first use) so grammar evaluation and tokenising never block the main
 * thread. Finished blocks are cached here, on the main thread, so `cachedHighlight` stays
 * synchronous. Identical requests in flight share one answer. Where there is no worker, or it fails
 * to start or errors, every request (pending ones included) is answered in-thread from then on:
 * slower, but blocks are always highlighted and nothing throws into React.
 */
export function createHighlightClient({
  startWorker = startHighlightWorker,
  inThread = answerRequest,
  startTimeoutMs = 10_000,
}: HighlightClientOptions = {}) {
  let mode: 'idle' | 'worker' | 'in-thread' = 'idle';
  let worker: WorkerLike | undefined;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const pending = new Map<number, { request: HighlightRequest; settle: (response: HighlightResponse) => void }>();
  const inFlight = new Map<string, Promise<unknown>>();

  const runInThread = (request: HighlightRequest, settle: (response: HighlightResponse) => void) =>
    inThread(request)
      .catch((error: unknown): HighlightResponse => ({ id: request.id, error: String(error) }))
      .then(settle);

  function connect(): WorkerLike | undefined {
    if (mode !== 'idle') return worker;
    try {
      worker = startWorker();
    } catch (error) {
      console.warn('highlighting on the main thread: the worker did not start', error);
    }
    if (!worker) {
      mode = 'in-thread';
      return undefined;
    }
    mode = 'worker';
    worker.addEventListener('message', ({ data }) => receive(data));
    worker.addEventListener('error', (event) => fail(event));
    worker.addEventListener('messageerror', (event) => fail(event));
    startTimer = setTimeout(() => fail(new Error(`no start message in ${startTimeoutMs} ms`)), startTimeoutMs);
    return worker;
  }

  function receive(response: HighlightResponse) {
    if ('ready' in response) {
      clearTimeout(startTimer);
      return;
    }
    const entry = pending.get(response.id);
    if (!entry) return;
    pending.delete(response.id);
    // The worker's own failure (say, a grammar chunk it could not fetch) may not happen here: retry.
    if ('error' in response) void runInThread(entry.request, entry.settle);
    else entry.settle(response);
  }

  function fail(reason: unknown) {
    if (mode !== 'worker') return;
    console.warn('highlighting on the main thread: the worker failed', reason);
    mode = 'in-thread';
    clearTimeout(startTimer);
    worker?.terminate();
    worker = undefined;
    for (const entry of pending.values()) void runInThread(entry.request, entry.settle);
    pending.clear();
  }

  function send<K extends keyof Results>(kind: K, code: string, lang: string): Promise<Results[K]> {
    const key = `${kind}\u0000${lang}\u0000${code}`;
    const shared = inFlight.get(key);
    if (shared) return shared as Promise<Results[K]>;
    const request: HighlightRequest = { id: nextId++, kind, code, lang };
    const answer = new Promise<HighlightResponse>((settle) => {
      const target = connect();
      if (!target) return void runInThread(request, settle);
      pending.set(request.id, { request, settle });
      try {
        target.postMessage(request);
      } catch (error) {
        fail(error);
      }
    })
      .then((response) => {
        if ('error' in response) throw new Error(`highlighting failed: ${response.error}`);
        if ('ready' in response) throw new Error('unexpected start message');
        return response.result as Results[K];
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, answer);
    return answer;
  }

  return {
    /** Tokens for a finished block (cached), or undefined for languages shown as plain text. */
    async highlightCode(code: string, lang: string | undefined): Promise<HighlightedCode | undefined> {
      const id = resolveLanguage(lang);
      if (!id) return undefined;
      const hit = cachedTokens(id, code);
      if (hit) return hit;
      const lines = await send('final', code, id);
      // Callers that shared the request get the one cached object.
      return cachedTokens(id, code) ?? rememberTokens(id, code, lines);
    },
    /** A streaming block's complete lines, highlighted (see progressive-highlight.ts). Not cached. */
    async highlightStreaming(code: string, lang: string | undefined): Promise<StreamingHighlight | undefined> {
      const open = streamingSource(code, lang);
      // Only the complete lines travel, so passes that differ in the unfinished line share one answer.
      return open ? send('streaming', `${open.source}\n`, open.id) : undefined;
    },
    /** Where requests go: for tests and diagnostics. */
    mode: () => mode,
  };
}

const client = createHighlightClient();
export const highlightCode = client.highlightCode;
export const highlightStreaming = client.highlightStreaming;
