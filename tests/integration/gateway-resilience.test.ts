import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditEvent, auditEvents } from '@/lib/db/schema';
import { loadApp, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

/**
 * The fault matrix through the real chat route, the resilient upstream fetch and the simulator's
 * X-Simulator-Fault header: what is retried, what is not, what the user gets and what is audited.
 */

let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  app = await loadApp({
    env: {
      UPSTREAM_RETRY_BASE_DELAY_MS: '20',
      UPSTREAM_FIRST_CONTENT_TIMEOUT_MS: '1500',
      // The breaker has its own file; here it must not open while faults pile up.
      BREAKER_WINDOW_SIZE: '1000',
      BREAKER_MINIMUM_CALLS: '1000',
    },
  });
});

let counter = 0;
const uniqueKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`;

async function send(text: string, fault: string) {
  const response = await app.postChat(
    { message: userMessage(text), model: 'deepseek-flash', params: { thinking: false } },
    { 'x-simulator-fault': fault },
  );
  const conversationId = response.headers.get('x-conversation-id') ?? '';
  const requestId = response.headers.get('x-request-id') ?? '';
  const stream = await collectUIStream(response);
  await app.waitUntilSaved(conversationId);
  const upstreamCalls = app.simulator.recorder.list().filter((call) => call.headers['x-request-id'] === requestId);
  return { response, stream, conversationId, requestId, upstreamCalls };
}

async function auditRow(requestId: string): Promise<AuditEvent> {
  // The row is written as the turn ends, beside the message; give it a moment.
  for (let i = 0; i < 100; i++) {
    const [row] = await app.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no audit row for ${requestId}`);
}

describe('retries before the first content', () => {
  it.each([400, 401, 402, 422])('HTTP %i is never retried: exactly one upstream call', async (status) => {
    const { stream, upstreamCalls, conversationId, requestId } = await send('hello', `status=${status}`);
    expect(upstreamCalls).toHaveLength(1);
    expect(stream.errors).toHaveLength(1);
    const answer = (await app.getConversation(conversationId)).body.messages[1];
    expect(answer?.metadata?.status).toBe('error');
    const row = await auditRow(requestId);
    expect(row).toMatchObject({ status: 'error', retries: 0, upstreamStatus: status, route: 'chat' });
  });

  it('429 with Retry-After: waits that long, then succeeds', async () => {
    const { stream, upstreamCalls, requestId } = await send(
      'rate limited?',
      `status=429;retry-after=1;times=1;key=${uniqueKey()}`,
    );
    expect(stream.errors).toEqual([]);
    expect(stream.metadata.status).toBe('complete');
    expect(upstreamCalls.map((call) => call.status)).toEqual([429, 200]);
    // Retry-After: 1 → the second attempt came no sooner than a second later.
    expect(upstreamCalls[1]!.receivedAt - upstreamCalls[0]!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(await auditRow(requestId)).toMatchObject({ status: 'complete', retries: 1, upstreamStatus: 200 });
  });

  it('503 twice, then 200: the answer arrives after two retries', async () => {
    const { stream, upstreamCalls, requestId, conversationId } = await send(
      'overloaded?',
      `status=503;times=2;key=${uniqueKey()}`,
    );
    expect(stream.errors).toEqual([]);
    expect(upstreamCalls.map((call) => call.status)).toEqual([503, 503, 200]);
    const answer = (await app.getConversation(conversationId)).body.messages[1];
    expect(answer?.metadata?.status).toBe('complete');
    expect(textOf(answer)).toBe(stream.text);
    expect(await auditRow(requestId)).toMatchObject({ status: 'complete', retries: 2, upstreamStatus: 200 });
  });

  it('503 more often than the retries allow: one clean error, three calls', async () => {
    const { stream, upstreamCalls, requestId } = await send('down?', 'status=503');
    expect(upstreamCalls).toHaveLength(3);
    expect(stream.errors[0]?.code).toBe('upstream_unavailable:upstream');
    expect(await auditRow(requestId)).toMatchObject({
      status: 'error',
      httpStatus: 503,
      retries: 2,
      upstreamStatus: 503,
    });
  });

  it('keep-alives past the first-content timeout are not content: the call is retried', async () => {
    const { stream, upstreamCalls, requestId } = await send('queued?', `keepalive=20x150;times=1;key=${uniqueKey()}`);
    expect(stream.errors).toEqual([]);
    expect(stream.text.length).toBeGreaterThan(0);
    expect(upstreamCalls).toHaveLength(2);
    expect(upstreamCalls[0]!.aborted).toBe(true);
    expect(await auditRow(requestId)).toMatchObject({ status: 'complete', retries: 1 });
  });

  it('a drop after the stream started is not retried: the partial answer is kept as interrupted', async () => {
    const { stream, upstreamCalls, conversationId, requestId } = await send('tell me a story', 'drop-after=6');
    expect(upstreamCalls).toHaveLength(1);
    expect(stream.text.length).toBeGreaterThan(0);
    expect(stream.errors[0]?.code).toBe('upstream_interrupted:upstream');
    const answer = (await app.getConversation(conversationId)).body.messages[1];
    expect(answer?.metadata?.status).toBe('interrupted');
    expect(textOf(answer)).toBe(stream.text);
    expect(await auditRow(requestId)).toMatchObject({ status: 'interrupted', retries: 0 });
  });
});

describe('the audit row', () => {
  it('records who, what and how long — with a prompt hash, never the prompt or a key', async () => {
    const secretPrompt = 'my very private question about zebras';
    const { requestId, stream } = await send(secretPrompt, 'chunk-delay=1');
    const row = await auditRow(requestId);
    expect(row).toMatchObject({
      requestId,
      userId: app.session.user.id,
      route: 'chat',
      model: 'deepseek-flash',
      status: 'complete',
      httpStatus: 200,
      upstreamStatus: 200,
      retries: 0,
      cacheStatus: 'BYPASS',
      clientIp: 'unknown', // TRUSTED_PROXY_HOPS=0: an X-Forwarded-For would be forgeable
      promptText: null,
    });
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.inputTokens).toBe(stream.metadata.usage?.inputTokens);
    expect(row.outputTokens).toBe(stream.metadata.usage?.outputTokens);
    expect(row.ttftMs).toBeGreaterThanOrEqual(0);
    expect(row.durationMs).toBeGreaterThanOrEqual(row.ttftMs ?? 0);
    const serialised = JSON.stringify(row);
    expect(serialised).not.toContain('zebras');
    expect(serialised).not.toMatch(/sk-simulator|Bearer/);
  });

  it('the same prompt hashes the same; a refused request is audited as rejected', async () => {
    const a = await send('same words', 'chunk-delay=0');
    const b = await send('same words', 'chunk-delay=0');
    expect((await auditRow(a.requestId)).promptHash).toBe((await auditRow(b.requestId)).promptHash);

    const refused = await app.postChat({ message: userMessage('hi'), model: 'no-such-model', params: {} });
    expect(refused.status).toBe(400);
    const requestId = refused.headers.get('x-request-id') ?? '';
    expect(await auditRow(requestId)).toMatchObject({
      status: 'rejected',
      httpStatus: 400,
      errorCode: 'bad_request:model',
    });
  });
});

describe('continue an interrupted answer', () => {
  it('appends the continuation to the same answer and stores it complete', async () => {
    const first = await send('tell me a long story', 'drop-after=6');
    const before = (await app.getConversation(first.conversationId)).body.messages[1];
    expect(before?.metadata?.status).toBe('interrupted');
    const partial = textOf(before);

    const response = await app.postChat({
      id: first.conversationId,
      message: userMessage('tell me a long story'),
      trigger: 'continue-message',
      messageId: before?.id,
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect(response.status).toBe(200);
    const stream = await collectUIStream(response);
    await app.waitUntilSaved(first.conversationId);
    expect(stream.text.length).toBeGreaterThan(0);

    // Upstream saw the partial answer, then the instruction to go on.
    const sent = app.simulator.recorder.last()?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent.messages[1]?.content).toBe(partial);

    const stored = (await app.getConversation(first.conversationId)).body.messages;
    expect(stored).toHaveLength(2);
    expect(stored[1]?.id).toBe(before?.id);
    expect(textOf(stored[1])).toBe(partial + stream.text);
    expect(stored[1]?.metadata?.status).toBe('complete');
    expect(stored[1]?.metadata?.error).toBeUndefined();
  });

  it('refuses to continue an answer that is complete', async () => {
    const done = await send('short one', 'chunk-delay=0');
    const answer = (await app.getConversation(done.conversationId)).body.messages[1];
    const response = await app.postChat({
      id: done.conversationId,
      message: userMessage('short one'),
      trigger: 'continue-message',
      messageId: answer?.id,
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect(response.status).toBe(400);
    expect((await app.getConversation(done.conversationId)).body.messages).toHaveLength(2);
  });
});

describe('GET /api/admin/audit', () => {
  it('admins filter the rows and export CSV; a bad filter is a 400; others are refused', async () => {
    const { requestId } = await send('audit me', 'status=422');
    await auditRow(requestId);
    const audit = await import('@/app/api/admin/audit/route');
    const admin = await app.signIn('admin');

    const filtered = await audit.GET(
      admin.request(`/api/admin/audit?status=error&user=${app.session.user.id}&limit=200`),
    );
    expect(filtered.status).toBe(200);
    const { items } = (await filtered.json()) as { items: { requestId: string; status: string; userId: string }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.status === 'error' && item.userId === app.session.user.id)).toBe(true);
    expect(items.map((item) => item.requestId)).toContain(requestId);

    const csv = await audit.GET(admin.request(`/api/admin/audit?format=csv&requestId=${requestId}`));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.csv"/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${requestId},${app.session.user.id},`);
    expect(lines[1]).toContain(',error,422,upstream_rejected:upstream,422,0,BYPASS,');
    expect(lines[1]).not.toContain('audit me');

    expect((await audit.GET(admin.request('/api/admin/audit?status=nope'))).status).toBe(400);
    expect((await audit.GET(admin.request('/api/admin/audit?limit=100000'))).status).toBe(400);
    expect((await audit.GET(app.request('/api/admin/audit'))).status).toBe(403);
  });
});
