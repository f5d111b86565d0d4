/**
 * Response headers for every path (next.config.ts `headers()`), and the Content-Security-Policy.
 *
 * Pages get a per-request nonce from proxy.ts: Next puts it on its own bootstrap and chunk scripts,
 * and `'strict-dynamic'` lets those load the rest, so no inline script runs without it. Styles
 * allow `'unsafe-inline'`: highlighted code and React style props are inline styles, and injected
 * CSS cannot run code. Other responses (API, static files) get the same policy without a nonce.
 * Plain HTTP self-hosting keeps working: nothing here upgrades or pins the scheme.
 */

export interface PolicyOptions {
  /** Base64 nonce for this response's scripts (pages). */
  nonce?: string;
  /** `next dev` needs eval for React's debugging and a websocket for reloads. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, dev = false }: PolicyOptions = {}): string {
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (dev) scripts.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Fresh for every page response; 128 bits. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export const securityHeaders: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
