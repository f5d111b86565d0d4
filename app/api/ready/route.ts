import { checkReadiness } from '@/lib/gateway/readiness';

export const dynamic = 'force-dynamic';

/**
 * GET /api/ready — can this instance serve requests: database, Redis (when configured) and the
 * state of every circuit breaker. 200 when ready, 503 when a dependency is down. No auth: it says
 * nothing a load balancer should not know (no hosts, no credentials, no error messages).
 */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
