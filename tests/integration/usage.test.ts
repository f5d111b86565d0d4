import { beforeAll, describe, expect, it } from 'vitest';
import type { UserUsageRow } from '@/lib/db/queries/usage';
import type { UsageReport } from '@/lib/usage/report';
import { loadApp, type TestApp, type TestSession } from '../support/app';

let app: TestApp;
let usage: typeof import('@/app/api/usage/route');
let adminUsage: typeof import('@/app/api/admin/usage/route');
let adminUser: typeof import('@/app/api/admin/users/[id]/route');

beforeAll(async () => {
  app = await loadApp();
  usage = await import('@/app/api/usage/route');
  adminUsage = await import('@/app/api/admin/usage/route');
  adminUser = await import('@/app/api/admin/users/[id]/route');
});

const report = async (session: TestSession) => {
  const response = await usage.GET(session.request('/api/usage'));
  expect(response.status).toBe(200);
  return (await response.json()) as UsageReport;
};

const patch = (admin: TestSession, id: string, body: unknown) =>
  adminUser.PATCH(
    admin.request(`/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    app.params({ id }),
  );

describe('usage', () => {
  it("reports the user's tokens and cost by model, equal to the stored answers, and keeps them after a delete", async () => {
    const session = await app.signIn('user');
    const first = await session.turn('What is prefix caching?');
    const second = await session.turn('And how is it billed?', { id: first.conversationId });
    const answers = (await session.getConversation(first.conversationId)).body.messages.filter(
      (message) => message.role === 'assistant',
    );
    const sum = (pick: (usage: NonNullable<NonNullable<(typeof answers)[number]['metadata']>['usage']>) => number) =>
      answers.reduce((total, answer) => total + pick(answer.metadata!.usage!), 0);
    expect(second.stream.metadata.usage?.cacheHitTokens).toBeGreaterThan(0);

    const body = await report(session);
    expect(body.today.byModel).toHaveLength(1);
    const today = body.today.byModel[0]!;
    expect(today).toMatchObject({
      model: 'deepseek-flash',
      requests: 2,
      inputTokens: sum((u) => u.inputTokens),
      cacheHitTokens: sum((u) => u.cacheHitTokens),
      cacheMissTokens: sum((u) => u.cacheMissTokens),
      outputTokens: sum((u) => u.outputTokens),
      totalTokens: sum((u) => u.totalTokens),
    });
    const cost = answers.reduce((total, answer) => total + answer.metadata!.cost!.amount, 0);
    expect(today.costAmount).toBeCloseTo(cost, 10);
    expect(body.month.byModel[0]?.totalTokens).toBe(today.totalTokens);
    expect(body.today.since).toMatch(/T00:00:00\.000Z$/);
    const tokens = body.limits.find((status) => status.limit === 'tokens_per_day');
    expect(tokens?.used).toBe(today.totalTokens);

    await app.routes.conversation.DELETE(
      session.request(`/api/conversations/${first.conversationId}`, { method: 'DELETE' }),
      app.params({ id: first.conversationId }),
    );
    expect((await report(session)).today.byModel[0]?.totalTokens).toBe(today.totalTokens);
  });

  it('shows admins every user and refuses users', async () => {
    const admin = await app.signIn('admin');
    const user = await app.signIn('user');
    await user.turn('Count me');
    const response = await adminUsage.GET(admin.request('/api/admin/usage'));
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as { users: UserUsageRow[] };
    const row = users.find((entry) => entry.userId === user.user.id);
    const mine = (await report(user)).today.byModel[0]!;
    expect(row?.today).toEqual({ requests: 1, totalTokens: mine.totalTokens, costAmount: mine.costAmount });
    expect(users.find((entry) => entry.userId === admin.user.id)?.month.totalTokens).toBe(0);

    expect((await adminUsage.GET(user.request('/api/admin/usage'))).status).toBe(403);
    expect((await patch(user, admin.user.id, { role: 'user' })).status).toBe(403);
  });
});

describe('an admin sets quotas', () => {
  it('overrides change the limits at once, are validated, and can be cleared', async () => {
    const admin = await app.signIn('admin');
    const user = await app.signIn('user');
    const set = await patch(admin, user.user.id, { limitOverrides: { requestsPerDay: 1, tokensPerDay: null } });
    expect(set.status).toBe(200);
    const limits = (await report(user)).limits;
    expect(limits.find((status) => status.limit === 'requests_per_day')?.limitValue).toBe(1);
    expect(limits.find((status) => status.limit === 'tokens_per_day')?.limitValue).toBeNull();
    await user.turn('the only one today');
    const refused = await user.postChat({
      message: { id: 'again', role: 'user', parts: [{ type: 'text', text: 'again' }] },
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect(refused.status).toBe(429);

    expect((await patch(admin, user.user.id, { limitOverrides: { requestsPerDay: -1 } })).status).toBe(400);
    expect((await patch(admin, user.user.id, { limitOverrides: { bogus: 1 } })).status).toBe(400);
    expect((await patch(admin, user.user.id, { limitOverrides: null })).status).toBe(200);
    const cleared = (await report(user)).limits;
    expect(cleared.find((status) => status.limit === 'requests_per_day')?.limitValue).toBe(1_000);
    // Admins may set their own quotas (not their own role).
    expect((await patch(admin, admin.user.id, { limitOverrides: { concurrentStreams: 2 } })).status).toBe(200);
  });

  it('a role change and a disable take effect on the next request', async () => {
    const admin = await app.signIn('admin');
    const user = await app.signIn('user');
    expect((await adminUsage.GET(user.request('/api/admin/usage'))).status).toBe(403);
    expect((await patch(admin, user.user.id, { role: 'admin' })).status).toBe(200);
    expect((await adminUsage.GET(user.request('/api/admin/usage'))).status).toBe(200);
    expect((await patch(admin, user.user.id, { disabled: true })).status).toBe(200);
    expect((await usage.GET(user.request('/api/usage'))).status).toBe(401);
  });
});
