import type { Completion } from './completion';
import type { FaultSpec } from './faults';
import type { RequestRecord } from './recorder';
import { sleep } from './sleep';
import { contentChunk, finishChunk, type ResponseMeta, reasoningChunk, roleChunk, type Usage } from './wire';

/**
 * The response bodies. Both are pull-driven streams: nothing is produced until the consumer reads,
 * every wait is abortable, and a cancelled body or aborted request stops production at once and
 * marks the record aborted.
 */

export interface BodyContext {
  /** The request's signal (client went away). */
  signal: AbortSignal;
  record: RequestRecord;
  /** Called once when the body was produced to its end. */
  onDone?: () => void;
}

type Event = { text: string; data: boolean };

class SimulatedDrop extends Error {
  constructor() {
    super('simulated connection drop (X-Simulator-Fault: drop-after)');
  }
}

const sse = (value: unknown): Event => ({ text: `data: ${JSON.stringify(value)}\n\n`, data: true });

export interface SsePlan {
  meta: ResponseMeta;
  completion: Completion;
  usage: Usage;
  chunkDelayMs: number;
  fault: FaultSpec;
}

async function* sseEvents(plan: SsePlan, wait: (ms: number) => Promise<void>): AsyncGenerator<Event> {
  const { meta, completion, fault } = plan;
  for (let i = 0; i < (fault.keepalive?.count ?? 0); i++) {
    await wait(fault.keepalive?.intervalMs ?? 0);
    yield { text: ': keep-alive\n\n', data: false };
  }
  const chunks = [
    roleChunk(meta),
    ...completion.reasoningPieces.map((text) => reasoningChunk(meta, text)),
    ...completion.contentPieces.map((text) => contentChunk(meta, text)),
    finishChunk(meta, completion.finishReason, plan.usage),
  ];
  for (const [sent, chunk] of chunks.entries()) {
    if (sent === fault.dropAfter) throw new SimulatedDrop();
    if (sent === fault.malformedAfter) yield { text: 'data: {not json\n\n', data: true };
    if (sent > 0) await wait(plan.chunkDelayMs);
    yield sse(chunk);
  }
  if (fault.dropAfter === chunks.length) throw new SimulatedDrop();
  if (fault.malformedAfter === chunks.length) yield { text: 'data: {not json\n\n', data: true };
  yield { text: 'data: [DONE]\n\n', data: false };
}

async function* jsonEvents(
  body: unknown,
  fault: FaultSpec,
  wait: (ms: number) => Promise<void>,
): AsyncGenerator<Event> {
  // While "queued", DeepSeek keeps a non-streaming connection alive with blank lines.
  for (let i = 0; i < (fault.keepalive?.count ?? 0); i++) {
    await wait(fault.keepalive?.intervalMs ?? 0);
    yield { text: '\n', data: false };
  }
  yield { text: JSON.stringify(body), data: false };
}

function toStream(makeEvents: (wait: (ms: number) => Promise<void>) => AsyncGenerator<Event>, context: BodyContext) {
  const { signal, record } = context;
  const stop = new AbortController();
  const encoder = new TextEncoder();
  const onAbort = () => {
    record.abort();
    stop.abort(signal.reason);
  };
  const release = () => signal.removeEventListener('abort', onAbort);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const events = makeEvents((ms) => sleep(ms, stop.signal));

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (stop.signal.aborted) throw stop.signal.reason;
        const next = await events.next();
        if (stop.signal.aborted) throw stop.signal.reason;
        if (next.done) {
          release();
          record.complete();
          context.onDone?.();
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.text));
        if (next.value.data) record.chunkSent();
      } catch (error) {
        release();
        // After cancel() the controller is closed and error() is a no-op.
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      record.abort();
      stop.abort(reason);
      await events.return(undefined).catch(() => {});
    },
  });
}

export function sseBody(plan: SsePlan, context: BodyContext): ReadableStream<Uint8Array> {
  return toStream((wait) => sseEvents(plan, wait), context);
}

export function jsonBody(body: unknown, fault: FaultSpec, context: BodyContext): ReadableStream<Uint8Array> {
  return toStream((wait) => jsonEvents(body, fault, wait), context);
}
