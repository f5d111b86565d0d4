import 'server-only';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fromStatus } from './classify';
import type { UpstreamAuth } from './config';

/** One outgoing request, body already materialised so it can be signed and resent. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | Uint8Array | undefined;
}

export type Send = (headers: Headers) => Promise<Response>;

/** Puts the scheme's credentials on a request and sends it (oauth2: retried once on 401). */
export interface Authenticator {
  send(request: OutgoingRequest, send: Send, signal?: AbortSignal): Promise<Response>;
}

/**
 * HMAC-SHA256 over `METHOD\nPATH\nTIMESTAMP\nBODY` with the secret key, base64.
 * PATH is the URL's pathname plus `?query`; BODY the exact bytes sent (empty for GET).
 */
export function hmacSignature(
  secretKey: string,
  parts: { method: string; path: string; timestamp: string; body: string | Uint8Array | undefined },
): string {
  return createHmac('sha256', secretKey)
    .update(`${parts.method.toUpperCase()}\n${parts.path}\n${parts.timestamp}\n`)
    .update(parts.body ?? '')
    .digest('base64');
}

export function createAuthenticator(
  auth: UpstreamAuth,
  deps: { transport: typeof fetch; now: () => number; tokenTimeoutMs: number },
): Authenticator {
  switch (auth.scheme) {
    case 'bearer':
      return {
        send(request, send) {
          const headers = new Headers(request.headers);
          headers.set('authorization', `Bearer ${auth.apiKey}`);
          return send(headers);
        },
      };
    case 'hmac':
      return {
        send(request, send) {
          const headers = new Headers(request.headers);
          const url = new URL(request.url);
          const timestamp = String(Math.floor(deps.now() / 1000));
          headers.delete('authorization');
          headers.set('x-api-key', auth.apiKey);
          headers.set('x-timestamp', timestamp);
          headers.set(
            'x-signature',
            hmacSignature(auth.secretKey, {
              method: request.method,
              path: url.pathname + url.search,
              timestamp,
              body: request.body,
            }),
          );
          return send(headers);
        },
      };
    case 'oauth2': {
      const tokens = createTokenSource(auth, deps);
      const withToken = (request: OutgoingRequest, token: string) => {
        const headers = new Headers(request.headers);
        headers.set('authorization', `Bearer ${token}`);
        return headers;
      };
      return {
        async send(request, send, signal) {
          const token = await tokens.get(signal);
          const response = await send(withToken(request, token));
          if (response.status !== 401) return response;
          // The token may have been revoked early: refresh once and retry once. A second 401 is final.
          await response.body?.cancel().catch(() => {});
          tokens.invalidate(token);
          return send(withToken(request, await tokens.get(signal)));
        },
      };
    }
  }
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

/** Without `expires_in` a token is trusted this long. */
const DEFAULT_TOKEN_LIFETIME_S = 300;

export interface TokenSource {
  get(signal?: AbortSignal): Promise<string>;
  invalidate(token: string): void;
}

/**
 * Client-credentials tokens: cached until shortly before expiry (60 s or 10 % of the lifetime,
 * whichever is smaller), one request to the token endpoint in flight however many callers wait.
 */
export function createTokenSource(
  auth: Extract<UpstreamAuth, { scheme: 'oauth2' }>,
  deps: { transport: typeof fetch; now: () => number; tokenTimeoutMs: number },
): TokenSource {
  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  const request = async (): Promise<string> => {
    const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`);
    let response: Response;
    try {
      response = await deps.transport(auth.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic.toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        // Not tied to any one caller: many requests share this token request.
        signal: AbortSignal.timeout(deps.tokenTimeoutMs),
      });
    } catch (error) {
      const code =
        error instanceof Error && error.name === 'TimeoutError' ? 'upstream_timeout' : 'upstream_unavailable';
      throw new AppError(`${code}:upstream`, { internalDetail: 'oauth2 token endpoint unreachable', cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      // A client-credentials refusal is a configuration problem whatever the status says.
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new AppError('upstream_auth:upstream', {
          internalDetail: `oauth2 token endpoint refused the client credentials (HTTP ${response.status})`,
        });
      }
      throw fromStatus(response.status, { headers: Object.fromEntries(response.headers) });
    }
    let parsed: z.infer<typeof tokenResponseSchema>;
    try {
      parsed = tokenResponseSchema.parse(JSON.parse(text));
    } catch (cause) {
      throw new AppError('upstream_unavailable:upstream', {
        internalDetail: 'oauth2 token endpoint returned an unexpected body',
        cause,
      });
    }
    const lifetimeMs = (parsed.expires_in ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
    const margin = Math.min(60_000, lifetimeMs * 0.1);
    cached = { token: parsed.access_token, refreshAt: deps.now() + lifetimeMs - margin };
    return parsed.access_token;
  };

  return {
    get(signal) {
      if (cached && deps.now() < cached.refreshAt) return Promise.resolve(cached.token);
      inflight ??= request().finally(() => {
        inflight = undefined;
      });
      return signal ? raceAbort(inflight, signal) : inflight;
    },
    invalidate(token) {
      // Only drop the token that failed; another caller may already hold a fresh one.
      if (cached?.token === token) cached = undefined;
    },
  };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
