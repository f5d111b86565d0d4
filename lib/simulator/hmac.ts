import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The request signature of the `hmac` auth scheme. This exact formula is a contract with the
 * app's signer in `lib/upstream/`:
 *
 *   base64( HMAC-SHA256( secretKey, METHOD + "\n" + PATH + "\n" + TIMESTAMP + "\n" + BODY ) )
 *
 * METHOD is upper-case; PATH is the request URL's path plus query string exactly as sent (with any
 * mount prefix); TIMESTAMP is the `X-Timestamp` header (unix seconds) as sent; BODY is the exact
 * request body bytes (empty for GET).
 */
export interface HmacInput {
  secretKey: string;
  method: string;
  path: string;
  timestamp: string | number;
  body: string | Uint8Array;
}

export function signHmac({ secretKey, method, path, timestamp, body }: HmacInput): string {
  return createHmac('sha256', secretKey)
    .update(`${method.toUpperCase()}\n${path}\n${timestamp}\n`)
    .update(body)
    .digest('base64');
}

/** Compares two secrets without leaking where they differ or (via digests) their lengths. */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}
