import { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';

/**
 * Timeouts that understand SSE. The body passes through untouched, chunk for chunk; a small
 * byte-level state machine only notices where a line starts with `data` (an event) and whether
 * `data: [DONE]` arrived. Comment lines (`: keep-alive`, sent by DeepSeek while a request is
 * queued) are not content, so they neither satisfy the first-content timeout nor reset the idle one.
 */

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
const DATA = [100, 97, 116, 97]; // "data"
const DONE = [91, 68, 79, 78, 69, 93]; // "[DONE]"
const SKIP = -1;
// States: 0..3 matched that many bytes of "data" at a line start; 4 matched "data"; 5 matched "data:";
// 6..11 matched (state - 6) bytes of "[DONE]" after "data:" (+ one optional space); 12 matched "[DONE]".

export class SseScanner {
  private state = 0;
  /** `data: [DONE]` was seen: the server finished the stream on purpose. */
  sawDone = false;

  /** Scan one chunk; true when at least one `data` line starts in it. */
  scan(chunk: Uint8Array): boolean {
    let s = this.state;
    let found = false;
    let nextCr = -2; // cached position of the next CR in this chunk (-1: none left)
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (s === SKIP) {
        // Rest of the line is irrelevant: jump to its end with native searches.
        const lf = chunk.indexOf(LF, i);
        if (nextCr !== -1 && nextCr < i) nextCr = chunk.indexOf(CR, i);
        const end = lf === -1 ? nextCr : nextCr === -1 ? lf : Math.min(lf, nextCr);
        if (end === -1) break;
        i = end + 1;
        s = 0;
        continue;
      }
      const b = chunk[i++] as number;
      if (b === LF || b === CR) {
        if (s === 4) found = true;
        else if (s === 12) this.sawDone = true;
        s = 0;
      } else if (s < 4) {
        s = b === DATA[s] ? s + 1 : SKIP;
      } else if (s === 4) {
        if (b === COLON) {
          found = true;
          s = 5;
        } else s = SKIP;
      } else if (s === 5) {
        s = b === SPACE ? 6 : b === DONE[0] ? 7 : SKIP;
      } else if (s < 12) {
        s = b === DONE[s - 6] ? s + 1 : SKIP;
      } else s = SKIP;
    }
    this.state = s;
    return found;
  }

  /** At end of stream: a final `data: [DONE]` without a trailing newline still counts. */
  finish(): void {
    if (this.state === 12) this.sawDone = true;
  }
}

export interface SseWatchOptions {
  firstContentTimeoutMs: number;
  idleTimeoutMs: number;
  /** `performance.now()` when the request was sent: the first-content budget starts there. */
  startedAt: number;
  /** The caller's signal: when it fired, a read error is the caller's abort and passes through as is. */
  callerSignal?: AbortSignal;
  /** A timeout fired: abort the upstream request. */
  onTimeout(error: UpstreamTimeoutError): void;
  /** The stream is over (closed, errored or cancelled). */
  onSettled?(): void;
  /** The first `data:` line arrived (called before its chunk is enqueued). */
  onFirstContent?(): void;
}

const clock = () => performance.now();

/**
 * Wrap an SSE response body. Time counts only while we wait on the upstream: when the consumer
 * stops reading (backpressure), the clock is credited so a slow reader never looks like a silent
 * server. One timer per timeout window (not one per chunk) keeps the hot path to two clock reads.
 */
export function watchSseBody(body: ReadableStream<Uint8Array>, options: SseWatchOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const scanner = new SseScanner();
  let started = false;
  let reading = false;
  let settled = false;
  let anchor = options.startedAt; // idle clock origin: request start, then the last data line
  let lastReadEnd = clock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const pending: Uint8Array[] = [];

  const limit = () => (started ? options.idleTimeoutMs : options.firstContentTimeoutMs);
  const arm = (now: number) => {
    timer = setTimeout(check, Math.max(0, anchor + limit() - now));
  };
  const settle = () => {
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    options.onSettled?.();
  };

  function check() {
    timer = undefined;
    if (settled || !reading) return; // not waiting on the upstream: the next read re-arms
    const now = clock();
    if (anchor + limit() > now) return arm(now);
    const error = new UpstreamTimeoutError(started ? 'idle' : 'first-content', limit());
    settle();
    controller.error(error);
    options.onTimeout(error);
    reader.cancel(error).catch(() => {});
  }

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      async pull(c) {
        const queued = pending.shift();
        if (queued) {
          // The rest of a burst: let the event loop write the previous event out first.
          await new Promise((resolve) => setImmediate(resolve));
          // Reads wait until the queue is empty, so only a timeout or a cancel can have settled it.
          if (!settled) c.enqueue(queued);
          return;
        }
        const readStart = clock();
        anchor += readStart - lastReadEnd;
        reading = true;
        if (timer === undefined) arm(readStart);
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          reading = false;
          if (settled) return;
          settle();
          c.error(
            options.callerSignal?.aborted
              ? error
              : new UpstreamInterruptedError('The upstream stream broke', { cause: error }),
          );
          return;
        }
        reading = false;
        if (settled) return; // timed out while this read was pending; already errored
        lastReadEnd = clock();
        if (result.done) {
          scanner.finish();
          settle();
          if (scanner.sawDone) c.close();
          else c.error(new UpstreamInterruptedError('The upstream stream ended without data: [DONE]'));
          return;
        }
        if (scanner.scan(result.value)) {
          anchor = lastReadEnd;
          if (!started) {
            started = true;
            options.onFirstContent?.();
            // The pending timer was set for the first-content window; the idle window may be shorter.
            if (timer !== undefined) clearTimeout(timer);
            timer = undefined;
          }
        }
        // A burst of events in one read is forwarded event by event, each given its own turn of
        // the event loop, so the first token leaves before the rest of the burst is processed.
        const [first, ...rest] = splitEvents(result.value);
        pending.push(...rest);
        c.enqueue(first as Uint8Array);
      },
      cancel(reason) {
        if (!settled) settle();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Split a chunk after each blank line (`\n\n`) without copying; a trailing partial event stays a piece. */
export function splitEvents(chunk: Uint8Array): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  let at = chunk.indexOf(LF);
  while (at !== -1 && at + 1 < chunk.length) {
    if (chunk[at + 1] === LF) {
      pieces.push(chunk.subarray(start, at + 2));
      start = at + 2;
      at = chunk.indexOf(LF, start);
    } else {
      at = chunk.indexOf(LF, at + 1);
    }
  }
  // One event (the usual case when tokens are paced): hand the chunk itself on, no new view.
  if (pieces.length === 0 || (pieces.length === 1 && start === chunk.length)) return [chunk];
  if (start < chunk.length) pieces.push(chunk.subarray(start));
  return pieces;
}
