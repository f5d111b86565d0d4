import 'server-only';
import { randomUUID } from 'node:crypto';
import { log } from '@/lib/log';
import { createAuthenticator, type OutgoingRequest } from './auth';
import type { UpstreamConfig } from './config';
import { UpstreamTimeoutError } from './errors';
import { watchSseBody } from './sse-watch';

/**
 * The signed, timed fetch every upstream call goes through (the providers get it as their
 * `fetch`). Per request: the caller's `x-request-id` or a new one; the auth scheme's headers in
 * place of the provider's `Authorization`; the caller's abort signal linked to the transport; a
 * headers timeout; and for event streams, first-content and idle timeouts that ignore keep-alives.
 */
export function createUpstreamFetch(config: UpstreamConfig): typeof fetch {
  const transport = config.transport ?? globalThis.fetch;
  const authenticator = createAuthenticator(config.auth, {
    transport,
    now: config.now ?? Date.now,
    tokenTimeoutMs: config.firstContentTimeoutMs,
  });

  return async function upstreamFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const startedAt = performance.now();
    const request = await materialise(input, init);
    const requestId = request.headers.get('x-request-id') || randomUUID();
    request.headers.set('x-request-id', requestId);
    const path = new URL(request.url).pathname;

    const controller = new AbortController();
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
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
    if (!isEventStream || !response.body) return response; // the caller's abort still reaches the body
    const body = watchSseBody(response.body, {
      firstContentTimeoutMs: config.firstContentTimeoutMs,
      idleTimeoutMs: config.idleTimeoutMs,
      startedAt,
      callerSignal,
      onTimeout: (error) => {
        log.child({ requestId }).warn({ path, phase: error.phase, timeoutMs: error.timeoutMs }, 'upstream timeout');
        controller.abort(error);
      },
      onSettled: detach,
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
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
