import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { upstreamConfigFromEnv } from './config';

describe('upstreamConfigFromEnv', () => {
  it('bearer by default, base URL without trailing slash, timeouts from env', () => {
    const config = upstreamConfigFromEnv(
      parseEnv({
        DEEPSEEK_API_KEY: 'sk-1',
        DEEPSEEK_BASE_URL: 'https://gw.example/v1/',
        UPSTREAM_FIRST_CONTENT_TIMEOUT_MS: '5000',
        UPSTREAM_IDLE_TIMEOUT_MS: '4000',
      }),
    );
    expect(config).toEqual({
      provider: 'deepseek',
      baseURL: 'https://gw.example/v1',
      auth: { scheme: 'bearer', apiKey: 'sk-1' },
      firstContentTimeoutMs: 5000,
      idleTimeoutMs: 4000,
      retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 30000 },
      breaker: {
        windowSize: 20,
        minimumCalls: 10,
        failureRateThreshold: 50,
        slowCallRateThreshold: 100,
        slowCallMs: 60000,
        openWaitMs: 30000,
        halfOpenCalls: 3,
        maxHalfOpenMs: 120000,
      },
    });
  });

  it('hmac and oauth2 credentials; a missing one is a readable configuration error', () => {
    const hmac = parseEnv({ DEEPSEEK_AUTH: 'hmac', DEEPSEEK_API_KEY: 'ak', DEEPSEEK_SECRET_KEY: 'sk' });
    expect(upstreamConfigFromEnv(hmac).auth).toEqual({ scheme: 'hmac', apiKey: 'ak', secretKey: 'sk' });
    const oauth2 = parseEnv({
      DEEPSEEK_AUTH: 'oauth2',
      DEEPSEEK_PROVIDER: 'openai-compatible',
      DEEPSEEK_TOKEN_URL: 'https://auth.example/token',
      DEEPSEEK_CLIENT_ID: 'id',
      DEEPSEEK_CLIENT_SECRET: 'secret',
    });
    expect(upstreamConfigFromEnv(oauth2)).toMatchObject({
      provider: 'openai-compatible',
      auth: { scheme: 'oauth2', tokenUrl: 'https://auth.example/token', clientId: 'id', clientSecret: 'secret' },
    });
    expect(() => upstreamConfigFromEnv(parseEnv({}))).toThrow(/DEEPSEEK_API_KEY is required/);
  });
});
