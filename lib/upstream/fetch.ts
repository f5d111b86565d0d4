import 'server-only';
import { randomUUID } from 'node:crypto';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import { createAuthenticator, type OutgoingRequest } from './auth';
import { type BreakerPermit, BreakerRegistry } from './breaker';
import { breakerOpenError } from './breaker-error';
import { CallStatsBook } from './call-stats';
import type { UpstreamConfig } from './config';
import { UpstreamTimeoutError } from './errors';
import {
  defaultRetryConfig,
  type RetryConfig,
  retryAfterMsOf,
  retryDelayMs,
  retryReasonForError,
  retryReasonForStatus,
  sleep,
} from './retry';
import { watchSseBody } from './sse-watch';

export interface ResilienceDeps {
  retry: RetryConfig;
  breakers: BreakerRegistry;
  stats: CallStatsBook;
  /** Label for the breaker and metrics: the upstream's host, never its credentials. */
  upstreamName: string;
}

/**
 * The signed, timed, resilient fetch every upstream call goes through (the providers get it as
 * their `fetch`). Per request: the caller's `x-request-id` or a new one; the auth scheme's headers;
 * the caller's abort signal linked to the transport; a headers timeout; for event streams,
 * first-content and idle timeouts that ignore keep-alives. Around that: the breaker of this
 * upstream and model, and retries — only while nothing has been handed to the caller, which for a
 * stream means until its first `data:` line has arrived (the response is returned only then).
 */
export function createUpstreamFetch(
  config: UpstreamConfig,
  deps: ResilienceDeps = {
    retry: config.retry ?? defaultRetryConfig,
    breakers: new BreakerRegistry(config.breaker, config.now),
    stats: new CallStatsBook(),
    upstreamName: new URL(config.baseURL).host,
  },
): typeof fetch {
  const attempt = createAttempt(config);
  const metrics = getMetrics();

  return async function upstreamFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = await materialise(input, init);
    const requestId = request.headers.get('x-request-id') || randomUUID();
    request.headers.set('x-request-id', requestId);
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    const model = modelOf(request);
    const breaker = model ? deps.breakers.get(deps.upstreamName, model) : undefined;
    const label = model ?? 'none';
    const stats = deps.stats.open(requestId);
    const logger = log.child({ requestId });

    for (let retry = 0; ; retry++) {
      const admission = breaker?.tryAcquire();
      if (admission && !admission.ok) {
        metrics.breakerRejections.inc({ model: label });
        stats.breakerOpen = true;
        throw breakerOpenError(admission.retryAfterMs);
      }
      const permit: BreakerPermit | undefined = admission?.permit;
      const startedAt = performance.now();
      let reason: ReturnType<typeof retryReasonForError>;
      let retryAfterMs: number | undefined;
      let failure: unknown;
      try {
        const response = await attempt(request, callerSignal, startedAt, (ms) => {
          metrics.upstreamDuration.observe({ model: label }, ms / 1000);
        });
        stats.upstreamStatus = response.status;
        if (!response.ok) {
          metrics.upstreamRequests.inc({ model: label, outcome: `${Math.floor(response.status / 100)}xx` });
          reason = retryReasonForStatus(response.status);
          if (!reason) {
            permit?.release();
            return response;
          }
          permit?.failure();
          retryAfterMs = retryAfterMsOf(response.headers);
          if (retry >= deps.retry.maxRetries || retryDelayMs(retry + 1, retryAfterMs, deps.retry) === undefined) {
            return response;
          }
          await response.body?.cancel().catch(() => {});
        } else {
          const ready = await untilFirstContent(response);
          metrics.upstreamRequests.inc({ model: label, outcome: '2xx' });
          const ttftMs = performance.now() - startedAt;
          stats.ttftMs = ttftMs;
          metrics.upstreamTtft.observe({ model: label }, ttftMs / 1000);
          permit?.success(ttftMs);
          return ready;
        }
      } catch (error) {
        if (callerSignal?.aborted) {
          permit?.release();
          throw error;
        }
        permit?.failure();
        metrics.upstreamRequests.inc({
          model: label,
          outcome: error instanceof UpstreamTimeoutError ? 'timeout' : 'network',
        });
        reason = retryReasonForError(error);
        failure = error;
        if (!reason || retry >= deps.retry.maxRetries) throw error;
      }
      const delay = retryDelayMs(retry + 1, retryAfterMs, deps.retry) ?? 0;
      metrics.retries.inc({ reason });
      stats.retries = retry + 1;
      stats.reasons.push(reason);
      logger.info({ model, reason, delayMs: delay, retry: retry + 1 }, 'retrying the upstream call');
      try {
        await sleep(delay, callerSignal);
      } catch {
        throw failure ?? callerSignal?.reason;
      }
    }
  };
}

type Attempt = (
  request: OutgoingRequest,
  callerSignal: AbortSignal | undefined,
  startedAt: number,
  onDuration: (ms: number) => void,
) => Promise<Response>;

/** One signed, timed attempt. */
function createAttempt(config: UpstreamConfig): Attempt {
  const transport = config.transport ?? globalThis.fetch;
  const authenticator = createAuthenticator(config.auth, {
    transport,
    now: config.now ?? Date.now,
    tokenTimeoutMs: config.firstContentTimeoutMs,
  });

  return async (request, callerSignal, startedAt, onDuration) => {
    const requestId = request.headers.get('x-request-id') ?? '';
    const path = new URL(request.url).pathname;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const detach = () => callerSignal?.removeEventListener('abort', onCallerAbort);

    let timeout: UpstreamTimeoutError | undefined;
    const headersTimer = setTimeout(() => {
      timeout = new UpstreamTimeoutError('headers', config.firstContentTimeoutMs);
      controller.abort(timeout);
    }, config.firstContentTimeoutMs);

    let response: Response;
    try {
      response = await authenticator.send(
        request,
        (headers) =>
          transport(request.url, {
            method: request.method,
            headers,
            body: request.body as BodyInit | undefined,
            signal: controller.signal,
          }),
        controller.signal,
      );
    } catch (error) {
      detach();
      // A timeout aborts the transport, which rejects with whatever it makes of the abort.
      throw timeout ?? error;
    } finally {
      clearTimeout(headersTimer);
    }

    if (!response.ok) {
      detach();
      report(requestId, path, response.status, config.auth.scheme);
      return response;
    }
    const isEventStream = response.headers.get('content-type')?.includes('text/event-stream');
    if (!isEventStream || !response.body) {
      onDuration(performance.now() - startedAt);
      return response; // the caller's abort still reaches the body
    }
    let firstContent = false;
    const body = watchSseBody(response.body, {
      firstContentTimeoutMs: config.firstContentTimeoutMs,
      idleTimeoutMs: config.idleTimeoutMs,
      startedAt,
      callerSignal,
      onTimeout: (error) => {
        log.child({ requestId }).warn({ path, phase: error.phase, timeoutMs: error.timeoutMs }, 'upstream timeout');
        controller.abort(error);
      },
      onFirstContent: () => {
        firstContent = true;
      },
      onSettled: () => {
        detach();
        onDuration(performance.now() - startedAt);
      },
    });
    const watched = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    firstContentSeen.set(watched, () => firstContent);
    return watched;
  };
}

const firstContentSeen = new WeakMap<Response, () => boolean>();

/**
 * For an event stream: read until its first `data:` line (keep-alive comments before it are held,
 * not forwarded) and return a response that replays what was read, then the rest. A timeout or a
 * break while waiting rejects here, where it can still be retried. Other responses pass as they are.
 */
async function untilFirstContent(response: Response): Promise<Response> {
  const seen = firstContentSeen.get(response);
  if (!seen || !response.body) return response;
  const reader = response.body.getReader();
  const held: Uint8Array[] = [];
  let done = false;
  try {
    while (!seen()) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      held.push(next.value);
    }
  } catch (error) {
    reader.releaseLock();
    throw error;
  }
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = held.shift();
        if (chunk) return controller.enqueue(chunk);
        if (done) return controller.close();
        try {
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The `model` of a JSON request body (chat completions); undefined for GETs and other bodies. */
function modelOf(request: OutgoingRequest): string | undefined {
  if (request.method !== 'POST' || request.body === undefined) return undefined;
  const text = typeof request.body === 'string' ? request.body : undefined;
  if (!text?.includes('"model"')) return undefined;
  try {
    const model = (JSON.parse(text) as { model?: unknown }).model;
    return typeof model === 'string' && model.length <= 200 ? model : undefined;
  } catch {
    return undefined;
  }
}

/** Operator problems are logged loudly here, where they enter; the rest at debug level. */
function report(requestId: string, path: string, status: number, scheme: string) {
  const logger = log.child({ requestId });
  if (status === 401 || status === 403) {
    logger.error({ path, status, scheme }, 'upstream rejected our credentials: check the DEEPSEEK_* auth settings');
  } else if (status === 402) {
    logger.error({ path, status }, 'upstream account has no balance left: top it up');
  } else {
    logger.debug({ path, status }, 'upstream error response');
  }
}

/** Read the request once into a resendable, signable shape (the providers send JSON strings). */
async function materialise(input: string | URL | Request, init?: RequestInit): Promise<OutgoingRequest> {
  if (typeof input === 'string' || input instanceof URL) {
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body = init?.body;
    if (body === undefined || body === null) return { url: String(input), method, headers, body: undefined };
    if (typeof body === 'string') return { url: String(input), method, headers, body };
    // `duplex` is required by Node for stream bodies and missing from the DOM typings.
    return fromRequest(new Request(input, { ...init, method, headers, duplex: 'half' } as RequestInit));
  }
  return fromRequest(init ? new Request(input, init) : input);
}

async function fromRequest(request: Request): Promise<OutgoingRequest> {
  // FormData and streams: the Request serialises them (and sets the multipart content-type).
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  return { url: request.url, method: request.method.toUpperCase(), headers: new Headers(request.headers), body };
}
