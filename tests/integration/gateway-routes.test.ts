import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditEvent, auditEvents, usageEvents } from '@/lib/db/schema';
import { assembleRun } from '@/lib/playground/assemble';
import type { RunEvent } from '@/lib/playground/events';
import { defaultState, type PlaygroundState } from '@/lib/playground/state';
import { loadApp, type TestSession } from '../support/app';
import { attachmentRoutes } from '../support/attachments';
import { redBluePng } from '../support/images';

/**
 * The gateway beyond chat: the playground run and the vision analysis refuse at once while the
 * model's breaker is open, write one audit row per request, count in the request metrics, redact
 * PII from what they send, and (vision) pass the output filter. Compare panes are chat turns.
 */

const METRICS_TOKEN = 'test-metrics-token-0123456789';
let app: Awaited<ReturnType<typeof loadApp>>;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;
let runRoute: typeof import('@/app/api/playground/run/route');
let metricsRoute: typeof import('@/app/api/metrics/route');
let auditRoute: typeof import('@/app/api/admin/audit/route');

beforeAll(async () => {
  app = await loadApp({
    env: {
      PII_REDACTION: 'true',
      // The simulator's image description says "… pixels"; the filter must mask it.
      OUTPUT_FILTER_WORDS: 'pixels',
      UPSTREAM_MAX_RETRIES: '0',
      BREAKER_WINDOW_SIZE: '4',
      BREAKER_MINIMUM_CALLS: '4',
      BREAKER_FAILURE_RATE: '50',
      BREAKER_OPEN_MS: '60000',
      METRICS_TOKEN,
    },
  });
  routes = await attachmentRoutes(app);
  runRoute = await import('@/app/api/playground/run/route');
  metricsRoute = await import('@/app/api/metrics/route');
  auditRoute = await import('@/app/api/admin/audit/route');
});

const upstreamCalls = () => app.simulator.recorder.list().filter((call) => call.path.endsWith('/chat/completions'));

async function run(session: TestSession, change: Partial<PlaygroundState> = {}, headers: Record<string, string> = {}) {
  const response = await runRoute.POST(
    session.request('/api/playground/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ ...defaultState('deepseek-flash'), thinking: false, ...change }),
    }),
  );
  const events: RunEvent[] = [];
  if (response.headers.get('content-type')?.includes('ndjson')) {
    for (const line of (await response.text()).split('\n')) if (line.trim()) events.push(JSON.parse(line) as RunEvent);
  }
  return { response, events, requestId: response.headers.get('x-request-id') ?? '' };
}

async function auditRows(requestId: string): Promise<AuditEvent[]> {
  return app.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

describe('playground run', () => {
  it('a run writes one audit row: who, what, tokens, upstream status, timing — a prompt hash, no prompt text', async () => {
    const session = await app.signIn('user');
    const { response, events, requestId } = await run(session, {
      messages: [{ role: 'user', content: 'Name three prime numbers.' }],
    });
    expect(response.status).toBe(200);
    expect(events.at(-1)?.type).toBe('end');
    const rows = await auditRows(requestId);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      route: 'playground',
      model: 'deepseek-flash',
      userId: session.user.id,
      userEmail: session.user.email,
      status: 'complete',
      httpStatus: 200,
      upstreamStatus: 200,
      retries: 0,
      redactions: 0,
      promptText: null,
    });
    expect(row?.clientIp).not.toBe('');
    expect(row?.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.inputTokens).toBeGreaterThan(0);
    expect(row?.outputTokens).toBeGreaterThan(0);
    expect(row?.ttftMs).not.toBeNull();
    expect(row?.durationMs).toBeGreaterThanOrEqual(row?.ttftMs ?? 0);
    expect(JSON.stringify(row)).not.toContain('prime numbers');
  });

  it('redacts PII before sending, and the inspector shows the redacted request and what was replaced', async () => {
    const session = await app.signIn('user');
    const { events, requestId } = await run(session, {
      system: 'Support desk. Escalations go to lead@example.com.',
      messages: [{ role: 'user', content: 'My number is 13812345678, card 4111 1111 1111 1111.' }],
    });
    const sent = JSON.stringify(upstreamCalls().at(-1)?.body);
    for (const secret of ['lead@example.com', '13812345678', '4111 1111 1111 1111']) expect(sent).not.toContain(secret);
    expect(sent).toContain('[phone]');

    const assembled = assembleRun(events);
    expect(JSON.stringify(assembled.request?.body)).toContain('My number is [phone], card [card number].');
    expect(JSON.stringify(assembled.request?.body)).toContain('Escalations go to [email].');
    expect(assembled.redactions).toEqual(
      expect.arrayContaining([
        { kind: 'email', count: 1 },
        { kind: 'phone', count: 1 },
        { kind: 'card', count: 1 },
      ]),
    );
    const [row] = await auditRows(requestId);
    expect(row).toMatchObject({ route: 'playground', status: 'complete', redactions: 3 });
  });
});

describe('playground output filter', () => {
  it('masks listed words in the relayed events, flags the run and audits it', async () => {
    const session = await app.signIn('user');
    // The simulator quotes the question back, so the answer contains the word.
    const { events, requestId } = await run(session, {
      messages: [{ role: 'user', content: 'How many pixels wide is a 4K screen?' }],
    });
    const assembled = assembleRun(events);
    expect(assembled.content).not.toBe('');
    expect(assembled.content).not.toMatch(/pixels/i);
    expect(assembled.content).toContain('******');
    expect(events.at(-1)).toMatchObject({ type: 'end', flagged: true });
    expect(assembled.flagged).toBe(true);
    const [row] = await auditRows(requestId);
    expect(row).toMatchObject({ route: 'playground', status: 'complete', flagged: true });
  });
});

describe('vision analysis', () => {
  it('a question is redacted, the answer filtered, and one audit row written', async () => {
    const session = await app.signIn('user');
    const form = new FormData();
    form.set('image', new Blob([new Uint8Array(await redBluePng(300, 200))], { type: 'image/png' }), 'photo.png');
    form.set('question', 'Describe this for wei@example.com please.');
    const response = await routes.uploadForm(session, form, '/api/vision/analysis');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { analysis: string; question: string; redactions?: unknown };
    expect(body.question).toBe('Describe this for [email] please.');
    expect(body.redactions).toEqual([{ kind: 'email', count: 1 }]);
    expect(JSON.stringify(upstreamCalls().at(-1)?.body)).not.toContain('wei@example.com');
    expect(body.analysis).toContain('**300 × 200** ******');
    expect(body.analysis).not.toMatch(/pixels/i);

    const rows = await auditRows(response.headers.get('x-request-id') ?? '');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      route: 'vision',
      model: 'deepseek-flash',
      userId: session.user.id,
      status: 'complete',
      httpStatus: 200,
      upstreamStatus: 200,
      redactions: 1,
      flagged: true,
      promptText: null,
    });
    expect(rows[0]?.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.outputTokens).toBeGreaterThan(0);
  });
});

describe('while the breaker is open', () => {
  it('the playground and vision refuse at once with a 503 and Retry-After, no upstream call, a rejected audit row', async () => {
    const session = await app.signIn('user');
    // Failed runs until the window's failure rate opens the breaker (earlier tests' calls count too).
    let opened = false;
    for (let i = 0; i < 4 && !opened; i++) {
      const failed = await run(session, {}, { 'x-simulator-fault': 'status=500' });
      opened = failed.response.status === 503;
      if (!opened) expect(failed.events.find((event) => event.type === 'error')).toBeDefined();
    }
    expect(opened).toBe(true);
    const before = upstreamCalls().length;
    const usageBefore = (await app.db.select().from(usageEvents).where(eq(usageEvents.userId, session.user.id))).length;

    const refused = await run(session);
    expect(refused.response.status).toBe(503);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.response.json()) as { error: { code: string } }).error.code).toBe(
      'upstream_unavailable:upstream',
    );
    expect(await auditRows(refused.requestId)).toEqual([
      expect.objectContaining({
        route: 'playground',
        model: 'deepseek-flash',
        status: 'rejected',
        httpStatus: 503,
        errorCode: 'upstream_unavailable:upstream',
      }),
    ]);

    const image = await routes.analyse(session, await redBluePng(40, 40));
    expect(image.status).toBe(503);
    expect(Number(image.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await auditRows(image.headers.get('x-request-id') ?? '')).toEqual([
      expect.objectContaining({ route: 'vision', status: 'rejected', httpStatus: 503 }),
    ]);

    expect(upstreamCalls()).toHaveLength(before);
    const usageAfter = (await app.db.select().from(usageEvents).where(eq(usageEvents.userId, session.user.id))).length;
    expect(usageAfter).toBe(usageBefore); // nothing reserved, nothing charged
  });
});

describe('operators see the new routes', () => {
  it('the metrics scrape has request series and overhead for route="playground" and route="vision"', async () => {
    const response = await metricsRoute.GET(
      new Request(`${app.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
    );
    const text = await response.text();
    for (const series of [
      /studio_requests_total\{route="playground",model="deepseek-flash",status_class="2xx"\} [1-9]/,
      /studio_requests_total\{route="playground",model="deepseek-flash",status_class="5xx"\} [1-9]/,
      /studio_requests_total\{route="vision",model="deepseek-flash",status_class="2xx"\} 1/,
      /studio_requests_total\{route="vision",model="deepseek-flash",status_class="5xx"\} 1/,
      /studio_app_overhead_seconds_count\{route="playground"\} [1-9]/,
      /studio_app_overhead_seconds_count\{route="vision"\} 1/,
      /studio_output_filter_flags_total [1-9]/,
    ]) {
      expect(text).toMatch(series);
    }
  });

  it('the admin audit view filters by route', async () => {
    const admin = await app.signIn('admin');
    for (const route of ['playground', 'vision']) {
      const response = await auditRoute.GET(admin.request(`/api/admin/audit?route=${route}`));
      const { items } = (await response.json()) as { items: AuditEvent[] };
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((item) => item.route))).toEqual(new Set([route]));
      expect(items.map((item) => item.status)).toContain('rejected');
    }
  });
});
