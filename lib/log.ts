import 'server-only';
import pino from 'pino';
import { env } from '@/lib/env';

/**
 * The one structured logger. Request paths use `log.child({ requestId })`.
 * Secrets are censored by key wherever they sit in a logged object (up to three levels deep),
 * so a header bag or a config object can be logged without leaking credentials.
 */

const secretKeys = [
  'authorization',
  'cookie',
  'x-api-key',
  'x-signature',
  'apiKey',
  'api_key',
  'secret',
  'secretKey',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'password',
];

const keyPath = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);

export const redactPaths = secretKeys.flatMap((key) => {
  const path = keyPath(key);
  return [path, join('*', path), join('*.*', path), join('*.*.*', path)];
});

export const log = pino({
  level: env.LOG_LEVEL,
  redact: { paths: redactPaths, censor: '[redacted]' },
});

export type Logger = typeof log;
