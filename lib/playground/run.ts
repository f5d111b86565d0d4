import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { endUserIdFor } from '@/lib/chat/end-user';
import { admitTurn, chargedTokens } from '@/lib/chat/quota';
import type { ChatMessage, MessageStatus } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { recordUsageEvent } from '@/lib/db/queries/usage';
import { type AppError, toAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { getRegistry } from '@/lib/models/load';
import { assertFeature, assertModelAllowed } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';
import { classifyUpstreamError, isAbortError } from '@/lib/upstream';
import { fromStatus, sanitizeUpstreamMessage } from '@/lib/upstream/classify';
import { type RunEvent, readChunk, SseSplitter, toRunUsage, type WireUsage } from './events';
import { elideImages, playgroundImageUrls } from './images';
import { bodyText, buildUpstreamRequest, type UpstreamRequest } from './request';
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
}

/** The target this server calls, as the page and the code view describe it. */
export function serverTarget(userId: string): UpstreamTarget {
  return { ...getRuntime().upstream.target, endUserId: endUserIdFor(userId) };
}

/** Response headers worth showing; anything that could carry a credential stays on the server. */
const hiddenResponseHeaders = new Set(['set-cookie', 'www-authenticate', 'authorization', 'x-api-key']);

/**
 * One playground run: check the request against the registry (typed 4xx, nothing recorded), admit
 * it against the quota like a chat turn, send the built request through the upstream seam and relay
 * every raw event to the browser (NDJSON, see `RunEvent`). Usage is recorded when the stream ends.
 */
export async function runPlayground(input: PlaygroundState, ctx: RunContext): Promise<Response> {
  const registry = getRegistry();
  const spec = resolveSpec(registry, input.model);
  assertModelAllowed(ctx.user.role, spec.id);
  if (input.thinking && input.effort === 'max') assertFeature(ctx.user.role, 'max_effort');
  const { upstream, offline } = getRuntime();
  const target = serverTarget(ctx.user.id);
  const settings = assertRunnable(registry, input, spec, target);
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

  const stream = new ReadableStream<Uint8Array>({
    async start(sink) {
      const emit = (event: RunEvent) => {
        try {
          sink.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser has gone; the upstream call is aborted through the signal.
        }
      };
      emit({ type: 'request', request: shown(request), requestId: ctx.requestId });
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
        const onEvents = (events: { data?: string; comment?: string }[]) => {
          for (const event of events) {
            emit({ type: 'sse', t: elapsed(), ...event });
            const chunk = event.data === undefined ? undefined : readChunk(event.data);
            if (!chunk) continue;
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
        const cost = await settle();
        emit({ type: 'end', t: elapsed(), requestId: ctx.requestId, stopped: controller.signal.aborted, cost });
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

  /** Records what the run used and returns its cost (undefined when the model has no prices). */
  async function settle(): Promise<{ amount: number; currency: string } | undefined> {
    const stopped = controller.signal.aborted;
    const status: MessageStatus =
      failure && streamed === '' ? 'error' : stopped || failure ? 'interrupted' : 'complete';
    const usedTokens = chargedTokens({
      usage: usage ? { ...toMessageUsage(usage) } : undefined,
      promptTokens: admission.promptTokens,
      partial: { parts: [{ type: 'text', text: streamed }] },
      failedBeforeOutput: Boolean(failure) && streamed === '',
    });
    const measured = usage ? toMessageUsage(usage) : estimatedUsage(usedTokens, admission.promptTokens);
    const amount = registry.costOf(spec.id, measured, new Date(ctx.receivedAt));
    const currency = spec.prices?.currency ?? 'USD';
    try {
      await recordUsageEvent(await getDb(), {
        userId: ctx.user.id,
        conversationId: null,
        model: spec.id,
        ...measured,
        costAmount: amount ?? 0,
        costCurrency: currency,
        status,
      });
    } catch (error) {
      logger.error({ err: toAppError(error).internalDetail }, 'recording usage failed');
    } finally {
      await admission.lease.settle({ usedTokens });
    }
    return amount === undefined ? undefined : { amount, currency };
  }

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

function toMessageUsage(wire: WireUsage) {
  const usage = toRunUsage(wire);
  return {
    inputTokens: usage.promptTokens,
    cacheHitTokens: usage.cacheHitTokens,
    cacheMissTokens: usage.cacheMissTokens,
    outputTokens: usage.outputTokens,
    reasoningTokens: usage.reasoningTokens,
    totalTokens: usage.totalTokens,
  };
}

/** Without the upstream's usage (stopped, broken off): the prompt estimate as uncached input, the rest output. */
function estimatedUsage(usedTokens: number, promptTokens: number) {
  const input = Math.min(promptTokens, usedTokens);
  return {
    inputTokens: input,
    cacheHitTokens: 0,
    cacheMissTokens: input,
    outputTokens: usedTokens - input,
    reasoningTokens: 0,
    totalTokens: usedTokens,
  };
}

function errorMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? sanitizeUpstreamMessage(message) : undefined;
  } catch {
    return undefined;
  }
}
