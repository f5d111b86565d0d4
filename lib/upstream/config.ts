import 'server-only';
import type { Env } from '@/lib/env';
import type { BreakerConfig } from './breaker';
import type { RetryConfig } from './retry';

export type UpstreamAuth =
  | { scheme: 'bearer'; apiKey: string }
  | { scheme: 'hmac'; apiKey: string; secretKey: string }
  | { scheme: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string };

export interface UpstreamConfig {
  provider: 'deepseek' | 'openai-compatible';
  /** e.g. https://api.deepseek.com (no trailing slash). */
  baseURL: string;
  auth: UpstreamAuth;
  /** From the request until the first `data:` line; `: keep-alive` comments do not count. Also the headers timeout. */
  firstContentTimeoutMs: number;
  /** Largest gap between two `data:` lines once content has started. */
  idleTimeoutMs: number;
  /** The raw network fetch; the app passes its in-process simulator here in offline mode. */
  transport?: typeof fetch;
  /** Wall clock in ms (oauth2 token expiry, HMAC timestamps, the breaker); tests pass a fake one. */
  now?: () => number;
  /** Retries before the first content (defaults: `defaultRetryConfig`). */
  retry?: RetryConfig;
  /** The circuit breaker per upstream and model (defaults: `defaultBreakerConfig`). */
  breaker?: BreakerConfig;
}

/** Retry and breaker settings from the environment (shared by the real upstream and the simulator). */
export function resilienceFromEnv(env: Env): Pick<UpstreamConfig, 'retry' | 'breaker'> {
  return {
    retry: {
      maxRetries: env.UPSTREAM_MAX_RETRIES,
      baseDelayMs: env.UPSTREAM_RETRY_BASE_DELAY_MS,
      maxDelayMs: env.UPSTREAM_RETRY_MAX_DELAY_MS,
      maxRetryAfterMs: env.UPSTREAM_RETRY_AFTER_MAX_MS,
    },
    breaker: {
      windowSize: env.BREAKER_WINDOW_SIZE,
      minimumCalls: Math.min(env.BREAKER_MINIMUM_CALLS, env.BREAKER_WINDOW_SIZE),
      failureRateThreshold: env.BREAKER_FAILURE_RATE,
      slowCallRateThreshold: env.BREAKER_SLOW_CALL_RATE,
      slowCallMs: env.BREAKER_SLOW_CALL_MS,
      openWaitMs: env.BREAKER_OPEN_MS,
      halfOpenCalls: env.BREAKER_HALF_OPEN_CALLS,
      maxHalfOpenMs: env.BREAKER_HALF_OPEN_MAX_MS,
    },
  };
}

/**
 * The upstream as the environment describes it. Whether the app talks to the built-in simulator
 * instead is decided by the integrator (`usesSimulator`), not here.
 */
export function upstreamConfigFromEnv(env: Env): UpstreamConfig {
  return {
    provider: env.DEEPSEEK_PROVIDER,
    baseURL: env.DEEPSEEK_BASE_URL.replace(/\/+$/, ''),
    auth: authFromEnv(env),
    firstContentTimeoutMs: env.UPSTREAM_FIRST_CONTENT_TIMEOUT_MS,
    idleTimeoutMs: env.UPSTREAM_IDLE_TIMEOUT_MS,
    ...resilienceFromEnv(env),
  };
}

function authFromEnv(env: Env): UpstreamAuth {
  const required = (name: keyof Env): string => {
    const value = env[name];
    if (typeof value !== 'string' || value === '') {
      throw new Error(`Invalid environment configuration: ${name} is required when DEEPSEEK_AUTH=${env.DEEPSEEK_AUTH}`);
    }
    return value;
  };
  switch (env.DEEPSEEK_AUTH) {
    case 'bearer':
      return { scheme: 'bearer', apiKey: required('DEEPSEEK_API_KEY') };
    case 'hmac':
      return { scheme: 'hmac', apiKey: required('DEEPSEEK_API_KEY'), secretKey: required('DEEPSEEK_SECRET_KEY') };
    case 'oauth2':
      return {
        scheme: 'oauth2',
        tokenUrl: required('DEEPSEEK_TOKEN_URL'),
        clientId: required('DEEPSEEK_CLIENT_ID'),
        clientSecret: required('DEEPSEEK_CLIENT_SECRET'),
      };
  }
}
