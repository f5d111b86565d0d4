import 'server-only';
import { createDeepSeek } from '@ai-sdk/deepseek';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { type LanguageModel, wrapLanguageModel } from 'ai';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { breakerStateValue, getMetrics } from '@/lib/metrics';
import type { CallSettings } from '@/lib/models';
import { BreakerRegistry, type BreakerSnapshot, defaultBreakerConfig } from './breaker';
import { breakerOpenError } from './breaker-error';
import { type CallStats, CallStatsBook } from './call-stats';
import { classifyUpstreamError, fromStatus, sanitizeUpstreamMessage } from './classify';
import type { UpstreamAuth, UpstreamConfig } from './config';
import { createUpstreamFetch } from './fetch';
import {
  callSettingsToStreamOptions,
  jsonOutputMiddleware,
  type ProviderOptions,
  providerOptionsFor,
  type StreamOptions,
} from './options';
import { defaultRetryConfig } from './retry';

export type { BreakerConfig, BreakerSnapshot, BreakerState } from './breaker';
export type { CallStats } from './call-stats';
export { classifyUpstreamError, isAbortError, parseRetryAfter } from './classify';
export { resilienceFromEnv, type UpstreamAuth, type UpstreamConfig, upstreamConfigFromEnv } from './config';
export { UpstreamInterruptedError, UpstreamTimeoutError } from './errors';
export { callSettingsToStreamOptions, type ProviderOptions, type StreamOptions } from './options';
export type { RetryConfig } from './retry';

export interface Balance {
  available: boolean;
  balances: { currency: string; total: string }[];
}

export interface Upstream {
  /** An ai-SDK LanguageModel for streamText (JSON output applied from the call's providerOptions). */
  languageModel(modelId: string): LanguageModel;
  /** Provider-specific call options for these settings (thinking, effort, user id …). */
  providerOptions(settings: CallSettings, endUserId: string): ProviderOptions;
  /** `callSettingsToStreamOptions` for this upstream's provider: spread it into streamText. */
  streamOptions(settings: CallSettings, endUserId: string): StreamOptions;
  /** The signed, timed fetch (for /models, /user/balance). */
  fetch: typeof fetch;
  /** Where and how calls go, without secrets (the playground's code view and inspector). */
  target: { baseURL: string; provider: UpstreamConfig['provider']; auth: UpstreamAuth['scheme']; tokenUrl?: string };
  /**
   * One raw HTTP call through the signed fetch (auth, request id, timeouts, abort): the playground
   * sends its own JSON body so it can show the exact bytes. Credential headers in `headers` are
   * dropped; the scheme sets the real ones.
   */
  send(request: {
    url: string;
    headers: Record<string, string>;
    body: string;
    signal?: AbortSignal;
  }): Promise<Response>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  balance(signal?: AbortSignal): Promise<Balance>;
  /** Throws the breaker's 503 (with Retry-After) when calls to this model are refused right now. */
  assertAvailable(modelId: string): void;
  /** Every breaker's state (admin page, metrics, readiness). */
  breakers(): BreakerSnapshot[];
  /** Retries, upstream status and time to first content of a finished call, by its request id. */
  takeCallStats(requestId: string): CallStats | undefined;
}

const credentialHeaderNames = ['authorization', 'x-api-key', 'x-timestamp', 'x-signature'];

const modelsSchema = z.object({ data: z.array(z.object({ id: z.string().min(1) })) });
const balanceSchema = z.object({
  is_available: z.boolean(),
  balance_infos: z.array(z.object({ currency: z.string(), total_balance: z.string() })).default([]),
});

export function createUpstream(config: UpstreamConfig): Upstream {
  const baseURL = config.baseURL.replace(/\/+$/, '');
  const upstreamName = new URL(baseURL).host;
  const metrics = getMetrics();
  const breakers = new BreakerRegistry(config.breaker ?? defaultBreakerConfig, config.now, (key, from, to) => {
    metrics.breakerState.set(key, breakerStateValue[to]);
    log[to === 'open' ? 'warn' : 'info']({ ...key, from, to }, 'circuit breaker state changed');
  });
  const stats = new CallStatsBook();
  const fetch = createUpstreamFetch(config, {
    retry: config.retry ?? defaultRetryConfig,
    breakers,
    stats,
    upstreamName,
  });
  // The providers always add `Authorization: Bearer <apiKey>`; the signed fetch replaces it per
  // scheme, so oauth2 only needs a placeholder to satisfy the provider.
  const apiKey = config.auth.scheme === 'oauth2' ? 'oauth2' : config.auth.apiKey;
  const provider =
    config.provider === 'deepseek'
      ? createDeepSeek({ apiKey, baseURL, fetch })
      : createOpenAICompatible({ name: 'upstream', apiKey, baseURL, fetch, includeUsage: true });

  const getJson = async <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> => {
    // Non-streaming bodies get one overall deadline; the fetch itself only times the headers.
    const deadline = AbortSignal.timeout(config.firstContentTimeoutMs);
    try {
      const response = await fetch(`${baseURL}${path}`, {
        headers: { accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      const text = await response.text();
      if (!response.ok) {
        throw fromStatus(response.status, {
          message: errorMessageOf(text),
          headers: Object.fromEntries(response.headers),
        });
      }
      const parsed = schema.safeParse(safeJson(text));
      if (!parsed.success) {
        throw new AppError('upstream_unavailable:upstream', {
          internalDetail: `unexpected ${path} body: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        });
      }
      return parsed.data;
    } catch (error) {
      throw classifyUpstreamError(error);
    }
  };

  return {
    languageModel: (modelId) =>
      wrapLanguageModel({ model: provider.languageModel(modelId), middleware: jsonOutputMiddleware }),
    providerOptions: (settings, endUserId) => providerOptionsFor(config.provider, settings, endUserId),
    streamOptions: (settings, endUserId) =>
      callSettingsToStreamOptions(settings, { endUserId, provider: config.provider }),
    fetch,
    target: {
      baseURL,
      provider: config.provider,
      auth: config.auth.scheme,
      ...(config.auth.scheme === 'oauth2' ? { tokenUrl: config.auth.tokenUrl } : {}),
    },
    send: ({ url, headers, body, signal }) => {
      const outgoing = new Headers(headers);
      for (const name of credentialHeaderNames) outgoing.delete(name);
      return fetch(url, { method: 'POST', headers: outgoing, body, signal });
    },
    assertAvailable(modelId) {
      const breaker = breakers.get(upstreamName, modelId);
      if (breaker.state === 'open') {
        metrics.breakerRejections.inc({ model: modelId });
        throw breakerOpenError(breaker.retryAfterMs);
      }
    },
    breakers: () => breakers.snapshot(),
    takeCallStats: (requestId) => stats.take(requestId),
    async listModels(signal) {
      const body = await getJson('/models', modelsSchema, signal);
      return body.data.map((model) => model.id);
    },
    async balance(signal) {
      const body = await getJson('/user/balance', balanceSchema, signal);
      return {
        available: body.is_available,
        balances: body.balance_infos.map((info) => ({ currency: info.currency, total: info.total_balance })),
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorMessageOf(text: string): string | undefined {
  const message = (safeJson(text) as { error?: { message?: unknown }; message?: unknown } | undefined)?.error?.message;
  return typeof message === 'string' ? sanitizeUpstreamMessage(message) : undefined;
}
