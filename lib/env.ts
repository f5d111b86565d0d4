import { z } from 'zod';

// Not `import 'server-only'`: next.config.ts loads this module outside React's server build, where
// that import throws. This guard does its job: no browser bundle may ever evaluate the secrets.
if (typeof window !== 'undefined') throw new Error('lib/env.ts holds server secrets and must not reach a browser');

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

/** Like `booleanFlag`, but absent stays undefined so the default can depend on other variables. */
const optionalFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value)));

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

    /** Retries before the first content (lib/upstream/retry.ts): exponential backoff, full jitter. */
    UPSTREAM_MAX_RETRIES: intFrom(2, 0, 10),
    UPSTREAM_RETRY_BASE_DELAY_MS: intFrom(500, 0, 60_000),
    UPSTREAM_RETRY_MAX_DELAY_MS: intFrom(8_000, 0, 300_000),
    /** A longer Retry-After than this is not waited for: the 429/503 goes to the caller. */
    UPSTREAM_RETRY_AFTER_MAX_MS: intFrom(30_000, 0, 600_000),

    /** Circuit breaker per upstream and model (lib/upstream/breaker.ts, Resilience4j semantics). */
    BREAKER_WINDOW_SIZE: intFrom(20, 1, 1_000),
    BREAKER_MINIMUM_CALLS: intFrom(10, 1, 1_000),
    BREAKER_FAILURE_RATE: intFrom(50, 1, 100),
    BREAKER_SLOW_CALL_RATE: intFrom(100, 1, 100),
    BREAKER_SLOW_CALL_MS: intFrom(60_000, 1),
    BREAKER_OPEN_MS: intFrom(30_000, 100),
    BREAKER_HALF_OPEN_CALLS: intFrom(3, 1, 100),
    BREAKER_HALF_OPEN_MAX_MS: intFrom(120_000, 100),

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

    /**
     * Accounts (lib/auth). AUTH_SECRET encrypts session cookies; required in production unless
     * AUTH_GENERATE_SECRET=true (then, as always outside production, a random secret is generated
     * once and kept in DATA_DIR/auth-secret).
     */
    AUTH_SECRET: optionalString.pipe(
      z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)').optional(),
    ),
    AUTH_GENERATE_SECRET: booleanFlag(false),
    /** The public origin, e.g. https://studio.example.com; pins OAuth callbacks and the same-origin check. */
    AUTH_URL: optionalString.pipe(z.string().url().optional()),
    /** Trust the Host / X-Forwarded-Host header for the app's own URL (self-hosting behind a proxy). */
    AUTH_TRUST_HOST: booleanFlag(true),
    /** Secure (HTTPS-only) session cookies; default: on in production. */
    AUTH_SECURE_COOKIES: optionalFlag,
    AUTH_SESSION_DAYS: intFrom(30, 1, 365),
    /** E-mails (comma- or space-separated) whose accounts are created as admins. */
    ADMIN_EMAILS: z.string().default(''),
    /** Optional sign-in providers: each appears only when configured. */
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    AUTH_OIDC_ISSUER: optionalString.pipe(z.string().url().optional()),
    AUTH_OIDC_ID: optionalString,
    AUTH_OIDC_SECRET: optionalString,
    AUTH_OIDC_NAME: optionalString.transform((value) => value ?? 'Single sign-on'),

    /** Gateway (lib/gateway). Bearer token for GET /api/metrics; unset → /api/metrics answers 404. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'use at least 16 characters').optional()),
    /** HMAC key for audit prompt hashes; unset → derived from the session secret. */
    AUDIT_PEPPER: optionalString.pipe(z.string().min(16, 'use at least 16 characters').optional()),
    /** Keep the (redacted) prompt text in audit rows, not only its hash. */
    AUDIT_STORE_PROMPTS: booleanFlag(false),
    /** Audit rows older than this are deleted (at start-up, then every six hours). */
    AUDIT_RETENTION_DAYS: intFrom(90, 1, 3_650),
    /** Exact-match response cache for deterministic requests; Redis when REDIS_URL is set. */
    RESPONSE_CACHE: booleanFlag(true),
    RESPONSE_CACHE_TTL_SECONDS: intFrom(3_600, 1, 30 * 86_400),
    /** In-process cache size (entries, least recently used evicted first). */
    RESPONSE_CACHE_MAX_ENTRIES: intFrom(500, 1, 100_000),
    /** Redact phone numbers, ID numbers, e-mail, card numbers and API keys from prompts. */
    PII_REDACTION: booleanFlag(false),
    /** Words (comma-separated) masked in answers as they stream; a hit flags and audits the answer. */
    OUTPUT_FILTER_WORDS: optionalString,

    /** Limits on what one chat request may carry. */
    CHAT_MAX_MESSAGE_CHARS: intFrom(64_000, 1),
    CHAT_MAX_BODY_BYTES: intFrom(1_048_576, 1024),

    /** Image attachments (lib/attachments): where the bytes live and what one upload may be. */
    ATTACHMENT_STORAGE: z.enum(['database', 'filesystem']).default('database'),
    ATTACHMENT_MAX_BYTES: intFrom(10 * 1024 * 1024, 1024, 32 * 1024 * 1024),
    ATTACHMENT_MAX_PIXELS: intFrom(40_000_000, 1, 268_402_689),
    ATTACHMENTS_PER_MESSAGE: intFrom(4, 1, 16),
    /** Uploads never sent in a message are deleted after this many hours. */
    ATTACHMENT_UNSENT_TTL_HOURS: intFrom(24, 1, 24 * 365),
    /** Share links (lib/share): public lookups per client address per minute (×10 when unknown). */
    SHARE_LOOKUPS_PER_MINUTE: intFrom(60, 1, 100_000),
    /** Largest accepted import file (lib/transfer). */
    IMPORT_MAX_BYTES: intFrom(26_214_400, 1024, 1_073_741_824),
  })
  .superRefine((value, ctx) => {
    for (const group of [
      ['AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET'],
      ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_ID', 'AUTH_OIDC_SECRET'],
    ] as const) {
      const missing = group.filter((key) => !value[key]);
      if (missing.length > 0 && missing.length < group.length) {
        for (const key of missing) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `required with ${group.filter((k) => value[k]).join(', ')}`,
          });
        }
      }
    }
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

/**
 * What only a running server needs (a build does not): checked when `next start` loads
 * next.config.ts and again before the first session is signed.
 */
export function assertServerEnv(config: Env = env): void {
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET && !config.AUTH_GENERATE_SECRET) {
    throw new Error(
      'Invalid environment configuration:\n  - AUTH_SECRET: required in production (openssl rand -base64 32), ' +
        'or set AUTH_GENERATE_SECRET=true to keep a generated one in DATA_DIR',
    );
  }
}

/** Session cookies carry `Secure` (and the `__Secure-` prefix): explicit setting, else production. */
export function secureCookies(config: Env = env): boolean {
  return config.AUTH_SECURE_COOKIES ?? config.NODE_ENV === 'production';
}

/** True when no upstream credentials are configured: the app talks to its built-in simulator. */
export function usesSimulator(config: Env = env): boolean {
  if (config.DEEPSEEK_SIMULATOR) return true;
  if (config.DEEPSEEK_AUTH === 'oauth2') return !config.DEEPSEEK_CLIENT_ID;
  return !config.DEEPSEEK_API_KEY;
}
