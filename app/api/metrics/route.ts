import { env } from '@/lib/env';
import { metricsAccess } from '@/lib/gateway/metrics-auth';
import { breakerStateValue, getMetrics } from '@/lib/metrics';
import { getRuntime } from '@/lib/runtime';

export const dynamic = 'force-dynamic';

/** GET /api/metrics — Prometheus text format; `Authorization: Bearer $METRICS_TOKEN` (unset → 404). */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request, env.METRICS_TOKEN);
  if (access === 'disabled') return new Response('Not found', { status: 404 });
  if (access === 'denied') {
    return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  const metrics = getMetrics();
  // Breakers move from open to half-open with time alone: read their state at scrape time.
  for (const breaker of getRuntime().upstream.breakers()) {
    metrics.breakerState.set({ upstream: breaker.upstream, model: breaker.model }, breakerStateValue[breaker.state]);
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
  });
}
