import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Scrapes carry `Authorization: Bearer <METRICS_TOKEN>`. Without a configured token the endpoint
 * does not exist (404): metrics are never public by accident. Compared in constant time.
 */
export function metricsAccess(request: Request, token: string | undefined): 'ok' | 'disabled' | 'denied' {
  if (!token) return 'disabled';
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return 'denied';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token)) ? 'ok' : 'denied';
}
