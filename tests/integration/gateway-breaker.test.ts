import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { loadApp, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

/** The breaker through the app: it opens, refuses at once with Retry-After, and shows in metrics and /api/ready. */

const METRICS_TOKEN = 'test-metrics-token-0123456789';
let app: Awaited<ReturnType<typeof loadApp>>;
let metricsRoute: typeof import('@/app/api/metrics/route');
let readyRoute: typeof import('@/app/api/ready/route');
let gatewayRoute: typeof import('@/app/api/admin/gateway/route');

beforeAll(async () => {
  app = await loadApp({
    env: {
      UPSTREAM_MAX_RETRIES: '0',
      BREAKER_WINDOW_SIZE: '4',
      BREAKER_MINIMUM_CALLS: '4',
      BREAKER_FAILURE_RATE: '50',
      BREAKER_OPEN_MS: '60000',
      METRICS_TOKEN,
    },
  });
  metricsRoute = await import('@/app/api/metrics/route');
  readyRoute = await import('@/app/api/ready/route');
  gatewayRoute = await import('@/app/api/admin/gateway/route');
});

const scrape = (token?: string) =>
  metricsRoute.GET(
    new Request(`${app.base}/api/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  );

async function turn(model: string, fault?: string) {
  const response = await app.postChat(
    { message: userMessage('hello'), model, params: { thinking: false } },
    fault ? { 'x-simulator-fault': fault } : {},
  );
  if (response.headers.get('content-type')?.includes('text/event-stream')) {
    await collectUIStream(response);
    await app.waitUntilSaved(response.headers.get('x-conversation-id') ?? '');
  }
  return response;
}

describe('circuit breaker per upstream and model', () => {
  it('opens after the failure rate, then refuses at once with a clear 503 and Retry-After', async () => {
    await turn('deepseek-flash');
    await turn('deepseek-flash');
    await turn('deepseek-flash', 'status=503');
    const before = app.simulator.recorder.list().length;
    await turn('deepseek-flash', 'status=500'); // 2 of 4 failed: open
    expect(app.simulator.recorder.list().length).toBe(before + 1);

    const refused = await turn('deepseek-flash');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('upstream_unavailable:upstream');
    expect(body.error.message).toMatch(/^The model service is unavailable, retrying in \d+ s\.$/);
    expect(app.simulator.recorder.list().length).toBe(before + 1); // no upstream call

    const requestId = refused.headers.get('x-request-id') ?? '';
    const [row] = await app.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
    expect(row).toMatchObject({ status: 'rejected', httpStatus: 503, errorCode: 'upstream_unavailable:upstream' });

    // Another model has its own breaker.
    const other = await turn('deepseek-v4-pro');
    expect(other.status).toBe(200);
  });

  it('admins see the state; /api/ready reports it and stays ready', async () => {
    const admin = await app.signIn('admin');
    const state = await gatewayRoute.GET(admin.request('/api/admin/gateway'));
    const { breakers } = (await state.json()) as { breakers: { model: string; state: string }[] };
    expect(breakers).toContainEqual(expect.objectContaining({ model: 'deepseek-flash', state: 'open' }));
    expect(breakers).toContainEqual(expect.objectContaining({ model: 'deepseek-v4-pro', state: 'closed' }));
    expect((await gatewayRoute.GET(app.request('/api/admin/gateway'))).status).toBe(403);

    const ready = await readyRoute.GET();
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { ready: boolean; checks: { database: { ok: boolean } } };
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.database.ok).toBe(true);
  });
});

describe('/api/metrics', () => {
  it('needs the bearer token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong-token-wrong-token')).status).toBe(401);
  });

  it('after traffic shows the expected series, without user ids or keys', async () => {
    const response = await scrape(METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const series of [
      /studio_requests_total\{route="chat",model="deepseek-flash",status_class="2xx"\} \d+/,
      /studio_requests_total\{route="chat",model="deepseek-flash",status_class="5xx"\} \d+/,
      /studio_upstream_requests_total\{model="deepseek-flash",outcome="5xx"\} \d+/,
      /studio_upstream_ttft_seconds_bucket\{le="[\d.]+",model="deepseek-flash"\} \d+/,
      /studio_upstream_duration_seconds_count\{model="deepseek-flash"\} \d+/,
      /studio_app_overhead_seconds_count\{route="chat"\} \d+/,
      /studio_tokens_total\{model="deepseek-flash",type="output"\} \d+/,
      /studio_tokens_total\{model="deepseek-flash",type="input_cache_miss"\} \d+/,
      /studio_breaker_state\{upstream="simulator.internal",model="deepseek-flash"\} 1/,
      /studio_breaker_state\{upstream="simulator.internal",model="deepseek-v4-pro"\} 0/,
      /studio_breaker_rejections_total\{model="deepseek-flash"\} 1/,
      /studio_cache_requests_total\{status="bypass"\} \d+/,
    ]) {
      expect(text).toMatch(series);
    }
    expect(text).not.toContain(app.session.user.id);
    expect(text).not.toMatch(/sk-simulator|Bearer|@example/);
  });
});
