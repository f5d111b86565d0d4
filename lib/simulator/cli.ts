import { parseArgs } from 'node:util';
import type { AuthOptions } from './auth';

/** Command-line options of `npm run simulator`. Parsed here so the script stays a thin shell. */

export interface CliOptions {
  port: number;
  host: string;
  auth: AuthOptions;
  chunkDelayMs: number;
  defaultFault?: string;
}

export const usage = `Usage: npm run simulator -- [--port 8787] [--host 127.0.0.1] [--chunk-delay-ms N] [--default-fault SPEC]
  [--auth none | --auth bearer --api-key KEY | --auth hmac --api-key KEY --secret-key SECRET
   | --auth oauth2 --client-id ID --client-secret SECRET [--token-ttl-seconds N]]`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer`);
  return Number(value);
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`--${name} is required for this --auth scheme`);
  return value;
}

export function parseCli(args: string[]): CliOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      auth: { type: 'string' },
      'api-key': { type: 'string' },
      'secret-key': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'token-ttl-seconds': { type: 'string' },
      'max-skew-seconds': { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      'default-fault': { type: 'string' },
    },
  });
  const scheme = values.auth ?? (values['api-key'] ? 'bearer' : 'none');
  let auth: AuthOptions;
  switch (scheme) {
    case 'none':
      auth = { scheme };
      break;
    case 'bearer':
      auth = { scheme, apiKey: required('api-key', values['api-key']) };
      break;
    case 'hmac':
      auth = {
        scheme,
        apiKey: required('api-key', values['api-key']),
        secretKey: required('secret-key', values['secret-key']),
        maxSkewSeconds: integer('max-skew-seconds', values['max-skew-seconds'], 300),
      };
      break;
    case 'oauth2':
      auth = {
        scheme,
        clientId: required('client-id', values['client-id']),
        clientSecret: required('client-secret', values['client-secret']),
        tokenTtlSeconds: integer('token-ttl-seconds', values['token-ttl-seconds'], 3600),
      };
      break;
    default:
      throw new Error(`--auth must be none, bearer, hmac or oauth2, got "${scheme}"`);
  }
  const port = integer('port', values.port, 8787);
  if (port > 65_535) throw new Error('--port must be at most 65535');
  return {
    port,
    host: values.host ?? '127.0.0.1',
    auth,
    chunkDelayMs: integer('chunk-delay-ms', values['chunk-delay-ms'], 0),
    defaultFault: values['default-fault'],
  };
}
