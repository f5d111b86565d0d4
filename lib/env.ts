import { z } from 'zod';

/**
 * The one place that reads process.env. Parsed once; next.config.ts imports this
 * module so a bad configuration fails `next build` / `next start` with a readable message.
 */

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const intFrom = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : ['true', '1', 'yes'].includes(value)));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),

    /** Upstream model server. No key and no auth scheme credentials → the built-in simulator. */
    DEEPSEEK_API_KEY: optionalString,
    DEEPSEEK_BASE_URL: z.string().url().default('https://api.deepseek.com'),
    DEEPSEEK_PROVIDER: z.enum(['deepseek', 'openai-compatible']).default('deepseek'),
    DEEPSEEK_AUTH: z.enum(['bearer', 'hmac', 'oauth2']).default('bearer'),
    DEEPSEEK_SECRET_KEY: optionalString,
    DEEPSEEK_TOKEN_URL: optionalString.pipe(z.string().url().optional()),
    DEEPSEEK_CLIENT_ID: optionalString,
    DEEPSEEK_CLIENT_SECRET: optionalString,
    /** Force the built-in simulator even when a key is configured. */
    DEEPSEEK_SIMULATOR: booleanFlag(false),
    /** JSON file that replaces the built-in model list and prices. */
    MODELS_FILE: optionalString,

    UPSTREAM_FIRST_CONTENT_TIMEOUT_MS: intFrom(120_000, 100),
    UPSTREAM_IDLE_TIMEOUT_MS: intFrom(90_000, 100),

    /** Simulator pacing for the embedded default (ms between chunks). */
    SIMULATOR_CHUNK_DELAY_MS: intFrom(12, 0, 10_000),

    /** Storage. No DATABASE_URL → embedded PGlite under DATA_DIR. */
    DATABASE_URL: optionalString,
    DATA_DIR: z.string().default('./data'),
    REDIS_URL: optionalString,

    /** Rate limits and quotas (lib/policy). Keys in Redis start with this prefix. */
    RATE_LIMIT_PREFIX: optionalString
      .transform((value) => value ?? 'studio')
      .pipe(z.string().regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only')),
    /** Proxies in front of the app that append to X-Forwarded-For; 0 = none (per-IP limits off). */
    TRUSTED_PROXY_HOPS: intFrom(0, 0, 10),
    /** How long a stream that was never settled (a crashed instance) holds its concurrency slot. */
    STREAM_LEASE_TTL_SECONDS: intFrom(900, 30, 86_400),

    /** Limits on what one chat request may carry. */
    CHAT_MAX_MESSAGE_CHARS: intFrom(64_000, 1),
    CHAT_MAX_BODY_BYTES: intFrom(1_048_576, 1024),
  })
  .superRefine((value, ctx) => {
    if (value.DEEPSEEK_AUTH === 'hmac' && value.DEEPSEEK_API_KEY && !value.DEEPSEEK_SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DEEPSEEK_SECRET_KEY'], message: 'required when DEEPSEEK_AUTH=hmac' });
    }
    if (value.DEEPSEEK_AUTH === 'oauth2') {
      for (const key of ['DEEPSEEK_TOKEN_URL', 'DEEPSEEK_CLIENT_ID', 'DEEPSEEK_CLIENT_SECRET'] as const) {
        if (!value[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when DEEPSEEK_AUTH=oauth2' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** True when no upstream credentials are configured: the app talks to its built-in simulator. */
export function usesSimulator(config: Env = env): boolean {
  if (config.DEEPSEEK_SIMULATOR) return true;
  if (config.DEEPSEEK_AUTH === 'oauth2') return !config.DEEPSEEK_CLIENT_ID;
  return !config.DEEPSEEK_API_KEY;
}
