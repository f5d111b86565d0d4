import { AppError, type Surface } from '@/lib/errors';

/**
 * CSRF defence for state-changing requests. Session cookies are SameSite=Lax, which already keeps
 * them off cross-site POSTs from modern browsers; this check does not rely on that:
 *
 * - `Sec-Fetch-Site: cross-site` or `same-site` (a sibling subdomain) → refused;
 * - an `Origin` header must name this app: AUTH_URL's origin when configured, otherwise the host
 *   the request was sent to (`X-Forwarded-Host` or `Host`; a page cannot forge either);
 * - requests with neither header are not from a browser page (curl, scripts) and pass.
 *
 * Bodies must be JSON (see `assertJsonOrEmpty`): a cross-site HTML form can only send
 * `text/plain`, `multipart/form-data` or `application/x-www-form-urlencoded`.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export interface SameOriginOptions {
  /** AUTH_URL: when set, the only accepted origin. */
  publicUrl?: string;
}

function forbidden(reason: string): AppError {
  return new AppError('forbidden:api', {
    message: 'Cross-site requests are not accepted.',
    internalDetail: reason,
  });
}

export function assertSameOrigin(req: Request, options: SameOriginOptions = {}): void {
  if (!isStateChanging(req.method)) return;
  const fetchSite = req.headers.get('sec-fetch-site')?.toLowerCase();
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') throw forbidden(`sec-fetch-site: ${fetchSite}`);

  const origin = req.headers.get('origin');
  if (origin === null) return;
  let sent: URL;
  try {
    sent = new URL(origin);
  } catch {
    throw forbidden(`unparseable origin: ${origin.slice(0, 100)}`);
  }
  if (options.publicUrl) {
    if (sent.origin !== new URL(options.publicUrl).origin) throw forbidden(`origin ${sent.origin} is not AUTH_URL`);
    return;
  }
  const host = (req.headers.get('x-forwarded-host')?.split(',')[0] ?? req.headers.get('host') ?? new URL(req.url).host)
    .trim()
    .toLowerCase();
  if (sent.host.toLowerCase() !== host) throw forbidden(`origin ${sent.origin} is not host ${host}`);
}

/** State-changing routes take JSON or nothing at all. */
export function assertJsonOrEmpty(req: Request, surface: Surface = 'api'): void {
  if (!isStateChanging(req.method)) return;
  const type = req.headers.get('content-type');
  if (type === null || type.toLowerCase().startsWith('application/json')) return;
  throw new AppError(`unsupported_media_type:${surface}`, { message: 'Send the body as application/json.' });
}
