import type { ErrorCode } from '@/lib/errors';
import type { Redaction } from '@/lib/gateway/pii';
import { type RunEvent, type RunUsage, readChunk, toRunUsage } from './events';
import type { UpstreamRequest } from './request';

/** One run as the output pane shows it, computed from the raw events alone. */
export interface AssembledRun {
  request?: UpstreamRequest;
  /** What PII_REDACTION replaced before the request was built (the request shows the result). */
  redactions?: Redaction[];
  status?: number;
  reasoning: string;
  content: string;
  /** ms from the run's start to the first reasoning or answer token */
  firstTokenMs?: number;
  /** ms from the run's start to the last event */
  totalMs?: number;
  /** output tokens per second of streaming (first token → end) */
  tokensPerSecond?: number;
  usage?: RunUsage;
  finishReason?: string;
  requestId?: string;
  cost?: { amount: number; currency: string };
  error?: { code: ErrorCode; message: string; retryAfterSeconds?: number };
  done: boolean;
  stopped: boolean;
  /** The server's output filter masked words in this answer. */
  flagged?: boolean;
}

export function assembleRun(events: readonly RunEvent[]): AssembledRun {
  const run: AssembledRun = { reasoning: '', content: '', done: false, stopped: false };
  let lastT: number | undefined;
  for (const event of events) {
    switch (event.type) {
      case 'request':
        run.request = event.request;
        run.redactions = event.redactions;
        run.requestId = event.requestId;
        break;
      case 'response':
        run.status = event.status;
        run.requestId = event.headers['x-request-id'] ?? run.requestId;
        lastT = event.t;
        break;
      case 'sse': {
        lastT = event.t;
        if (event.data === undefined) break;
        const chunk = readChunk(event.data);
        if (!chunk) break;
        if ((chunk.reasoning !== '' || chunk.content !== '') && run.firstTokenMs === undefined) {
          run.firstTokenMs = event.t;
        }
        run.reasoning += chunk.reasoning;
        run.content += chunk.content;
        if (chunk.finishReason) run.finishReason = chunk.finishReason;
        // The last usage wins (OpenAI-style servers send it on a trailing chunk).
        if (chunk.usage) run.usage = toRunUsage(chunk.usage);
        break;
      }
      case 'error':
        run.error = event.error;
        lastT = event.t;
        break;
      case 'end':
        run.done = true;
        run.stopped = event.stopped;
        run.cost = event.cost;
        run.flagged = event.flagged;
        run.requestId = event.requestId || run.requestId;
        lastT = event.t;
        break;
    }
  }
  run.totalMs = lastT;
  if (run.usage && run.firstTokenMs !== undefined && run.totalMs !== undefined && run.totalMs > run.firstTokenMs) {
    run.tokensPerSecond = run.usage.outputTokens / ((run.totalMs - run.firstTokenMs) / 1000);
  }
  return run;
}

export type JsonCheck = { valid: true; pretty: string } | { valid: false; message: string };

/** JSON output mode: the answer pretty-printed, or why it is not valid JSON. */
export function checkJson(text: string): JsonCheck {
  try {
    return { valid: true, pretty: JSON.stringify(JSON.parse(text), null, 2) };
  } catch (error) {
    return { valid: false, message: error instanceof Error ? error.message : 'Invalid JSON' };
  }
}
