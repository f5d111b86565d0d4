import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { endUserIdFor } from '@/lib/chat/end-user';
import { admitTurn } from '@/lib/chat/quota';
import type { ChatMessage } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { type AppError, toAppError } from '@/lib/errors';
import { outputWordFilter } from '@/lib/gateway/chat';
import { auditRejectedTurn } from '@/lib/gateway/chat-audit';
import type { Redaction } from '@/lib/gateway/pii';
import { countRedactions, redactTexts } from '@/lib/gateway/prompt-redaction';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import { getRegistry } from '@/lib/models/load';
import { assertFeature, assertModelAllowed } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';
import { classifyUpstreamError, isAbortError } from '@/lib/upstream';
import { fromStatus, sanitizeUpstreamMessage } from '@/lib/upstream/classify';
import { type RunEvent, readChunk, SseSplitter, type WireUsage } from './events';
import { elideImages, playgroundImageUrls } from './images';
import { createSseWordFilter } from './output-filter';
import { bodyText, buildUpstreamRequest, type UpstreamRequest } from './request';
import { settleRun } from './settle';
import type { PlaygroundState } from './state';
import type { UpstreamTarget } from './target';
import { assertRunnable, resolveSpec } from './validate';

interface RunContext {
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  /** The browser's request: its abort (Stop, a closed tab) aborts the upstream call. */
  signal: AbortSignal;
  /** Offline mode only: a fault for the built-in simulator (tests); never sent to a real upstream. */
  simulatorFault?: string;
  /** The client address for the audit row (trusted hops only). */
  clientIp: string;
}

/** The target this server calls, as the page and the code view describe it. */
export function serverTarget(userId: string): UpstreamTarget {
  return { ...getRuntime().upstream.target, endUserId: endUserIdFor(userId) };
}

/** Response headers worth showing; anything that could carry a credential stays on the server. */
const hiddenResponseHeaders = new Set(['set-cookie', 'www-authenticate', 'authorization', 'x-api-key']);

/**
 * One playground run: PII redacted first (PII_REDACTION; the inspector shows what), check the
 * request against the registry (typed 4xx), refuse at once while the model's breaker is open, admit
 * it against the quota like a chat turn, send the built request through the upstream seam and relay
 * every raw event to the browser (NDJSON, see `RunEvent`). Usage and the audit row are recorded when
 * the stream ends; a refused run leaves a `rejected` audit row and nothing else.
 */
export async function runPlayground(state: PlaygroundState, ctx: RunContext): Promise<Response> {
  const { texts, redactions } = redactTexts([state.system, ...state.messages.map((message) => message.content)]);
  const input: PlaygroundState = {
    ...state,
    system: texts[0] ?? '',
    messages: state.messages.map((message, index) => ({ ...message, content: texts[index + 1] ?? '' })),
  };
  try {
    return await startRun(input, ctx, redactions);
  } catch (error) {
    const appError = toAppError(error);
    await auditRejectedTurn({
      ...ctx,
      route: 'playground',
      model: input.model,
      error: appError,
      redactions: countRedactions(redactions),
    });
    throw appError;
  }
}

async function startRun(input: PlaygroundState, ctx: RunContext, redactions: Redaction[]): Promise<Response> {
  const registry = getRegistry();
  const spec = resolveSpec(registry, input.model);
  assertModelAllowed(ctx.user.role, spec.id);
  if (input.thinking && input.effort === 'max') assertFeature(ctx.user.role, 'max_effort');
  const { upstream, offline } = getRuntime();
  const target = serverTarget(ctx.user.id);
  const settings = assertRunnable(registry, input, spec, target);
  // While the model's breaker is open: a 503 with Retry-After at once, nothing reserved.
  upstream.assertAvailable(spec.id);
  const imageUrl = await playgroundImageUrls(await getDb(), ctx.user, spec, input);

  const messages = input.messages.map(
    (message, index): ChatMessage => ({
      id: `p${index}`,
      role: message.role,
      parts: [{ type: 'text', text: message.content }],
    }),
  );
  const admission = await admitTurn(ctx.user, settings, input.system || undefined, messages);
  const state = { ...input, maxTokens: admission.maxOutputTokens ?? input.maxTokens };
  const request = buildUpstreamRequest(state, spec, target, imageUrl);
  request.headers['x-request-id'] = ctx.requestId;

  const controller = new AbortController();
  const onAbort = () => controller.abort(ctx.signal.reason);
  if (ctx.signal.aborted) onAbort();
  else ctx.signal.addEventListener('abort', onAbort, { once: true });

  const logger = log.child({ requestId: ctx.requestId, model: spec.id, surface: 'playground' });
  const elapsed = () => Date.now() - ctx.receivedAt;
  const encoder = new TextEncoder();
  let usage: WireUsage | undefined;
  let streamed = '';
  let failure: AppError | undefined;
  let firstTokenMs: number | undefined;
  let flagged = false;

  const stream = new ReadableStream<Uint8Array>({
    async start(sink) {
      const emit = (event: RunEvent) => {
        try {
          sink.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser has gone; the upstream call is aborted through the signal.
        }
      };
      emit({
        type: 'request',
        request: shown(request),
        requestId: ctx.requestId,
        ...(redactions.length > 0 ? { redactions } : {}),
      });
      getMetrics().overhead.observe({ route: 'playground' }, elapsed() / 1000);
      try {
        const response = await upstream.send({
          url: request.url,
          headers: {
            ...request.headers,
            ...(offline && ctx.simulatorFault ? { 'x-simulator-fault': ctx.simulatorFault } : {}),
          },
          body: bodyText(request),
          signal: controller.signal,
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          if (!hiddenResponseHeaders.has(name)) headers[name] = value;
        });
        emit({ type: 'response', t: elapsed(), status: response.status, headers });
        if (!response.ok || !response.body) {
          const text = await response.text().catch(() => '');
          throw fromStatus(response.status, { message: errorMessage(text), headers });
        }
        const splitter = new SseSplitter();
        const decoder = new TextDecoder();
        const filterData = createSseWordFilter(outputWordFilter(), () => {
          flagged = true;
        });
        const onEvents = (events: { data?: string; comment?: string }[]) => {
          for (const raw of events) {
            const event = raw.data === undefined ? raw : { ...raw, data: filterData(raw.data) };
            emit({ type: 'sse', t: elapsed(), ...event });
            const chunk = event.data === undefined ? undefined : readChunk(event.data);
            if (!chunk) continue;
            if (firstTokenMs === undefined && (chunk.reasoning || chunk.content)) firstTokenMs = elapsed();
            streamed += chunk.reasoning + chunk.content;
            if (chunk.usage) usage = chunk.usage;
          }
        };
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          onEvents(splitter.push(decoder.decode(value, { stream: true })));
        }
        onEvents(splitter.flush());
      } catch (error) {
        if (!controller.signal.aborted || !isAbortError(error)) {
          failure = classifyUpstreamError(error);
          logger.warn(
            { code: failure.code, detail: failure.internalDetail ?? failure.message },
            'playground run failed',
          );
          emit({
            type: 'error',
            t: elapsed(),
            error: { code: failure.code, message: failure.message, retryAfterSeconds: failure.retryAfterSeconds },
          });
        }
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
        const cost = await settleRun(
          registry,
          {
            ...ctx,
            spec,
            admission,
            body: bodyText(request),
            redactions: countRedactions(redactions),
            usage,
            streamed,
            failure,
            stopped: controller.signal.aborted,
            firstTokenMs,
            flagged,
          },
          logger,
        );
        emit({
          type: 'end',
          t: elapsed(),
          requestId: ctx.requestId,
          stopped: controller.signal.aborted,
          cost,
          ...(flagged ? { flagged } : {}),
        });
        try {
          sink.close();
        } catch {
          // already closed by a cancel
        }
      }
    },
    cancel(reason) {
      controller.abort(reason);
    },
  });

  return new Response(stream, {
    headers: {
      ...admission.lease.headers,
      'content-type': 'application/x-ndjson; charset=utf-8',
      'x-request-id': ctx.requestId,
    },
  });
}

/**
 * The request as the inspector shows it: exactly what was sent, credentials left as placeholders
 * and inline images shortened (the page does not need megabytes of base64 to show the shape).
 */
function shown(request: UpstreamRequest): UpstreamRequest {
  return { ...request, headers: { ...request.headers }, body: elideImages(request.body) };
}

function errorMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? sanitizeUpstreamMessage(message) : undefined;
  } catch {
    return undefined;
  }
}
