import { randomBytes } from 'node:crypto';
import { authFailure, errorResponse } from './errors';
import { safeEqual, signHmac } from './hmac';

export type AuthOptions =
  | { scheme: 'none' }
  | { scheme: 'bearer'; apiKey: string }
  | { scheme: 'hmac'; apiKey: string; secretKey: string; maxSkewSeconds?: number }
  | { scheme: 'oauth2'; clientId: string; clientSecret: string; tokenTtlSeconds?: number };

/** Access tokens issued by `/oauth/token`, with their expiry on the simulator's clock. */
export class TokenStore {
  #tokens = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  issue(ttlSeconds: number): string {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, this.now() + ttlSeconds * 1000);
    // Drop expired tokens so a long benchmark does not grow the map without bound.
    if (this.#tokens.size > 1000) {
      for (const [key, expiresAt] of this.#tokens) if (expiresAt <= this.now()) this.#tokens.delete(key);
    }
    return token;
  }

  isValid(token: string): boolean {
    const expiresAt = this.#tokens.get(token);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  revokeAll(): void {
    this.#tokens.clear();
  }
}

export interface AuthInput {
  request: Request;
  /** Path plus query string exactly as the client sent it (before any mount prefix is stripped). */
  fullPath: string;
  body: Uint8Array;
  now: () => number;
  tokens: TokenStore;
}

function bearerOf(request: Request): string {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() ?? '';
}

/** Returns a 401 response when the request does not satisfy the scheme, otherwise null. */
export function verifyAuth(auth: AuthOptions, input: AuthInput): Response | null {
  switch (auth.scheme) {
    case 'none':
      return null;
    case 'bearer': {
      const sent = bearerOf(input.request);
      return safeEqual(sent, auth.apiKey) ? null : authFailure(sent);
    }
    case 'oauth2': {
      const sent = bearerOf(input.request);
      if (sent !== '' && input.tokens.isValid(sent)) return null;
      return errorResponse(
        401,
        'Authentication Fails, the access token is invalid or expired',
        'authentication_error',
        {
          'www-authenticate': 'Bearer error="invalid_token"',
        },
      );
    }
    case 'hmac':
      return verifyHmac(auth, input);
  }
}

function verifyHmac(auth: Extract<AuthOptions, { scheme: 'hmac' }>, input: AuthInput): Response | null {
  const headers = input.request.headers;
  const apiKey = headers.get('x-api-key') ?? '';
  const timestamp = headers.get('x-timestamp') ?? '';
  const signature = headers.get('x-signature') ?? '';
  const fail = (why: string) =>
    errorResponse(401, `Authentication Fails, ${why}`, 'authentication_error', { 'www-authenticate': 'HMAC' });

  if (apiKey === '' || timestamp === '' || signature === '') {
    return fail('X-Api-Key, X-Timestamp and X-Signature headers are required');
  }
  if (!safeEqual(apiKey, auth.apiKey)) return authFailure(apiKey);
  if (!/^\d{1,12}$/.test(timestamp)) return fail('X-Timestamp must be unix seconds');
  const skew = Math.abs(input.now() / 1000 - Number(timestamp));
  if (skew > (auth.maxSkewSeconds ?? 300)) return fail('X-Timestamp is outside the allowed clock skew');
  const expected = signHmac({
    secretKey: auth.secretKey,
    method: input.request.method,
    path: input.fullPath,
    timestamp,
    body: input.body,
  });
  return safeEqual(signature, expected) ? null : fail('the request signature does not match');
}
