import { describe, expect, it } from 'vitest';
import type { LimitOverrides } from '@/lib/policy/roles';
import { type TestApp, type TestSession, userMessage } from './app';
import { collectUIStream } from './ui-stream';

/**
 * Quotas through the chat route, as a signed-in user: run once on the in-process store and once on
 * Redis (tests/integration/quota*.test.ts). `app()` is read inside each test, after `beforeAll`.
 */
export function quotaSuite(name: string, app: () => TestApp) {
  async function userWith(limitOverrides: LimitOverrides): Promise<TestSession> {
    const session = await app().signIn('user');
    const { updateUser } = await import('@/lib/db/queries/users');
    await updateUser(app().db, session.user.id, { limitOverrides });
    return session;
  }

  async function usageOf(session: TestSession) {
    const { getLimiter } = await import('@/lib/policy');
    const { getUser } = await import('@/lib/db/queries/users');
    const user = await getUser(app().db, session.user.id);
    const statuses = await getLimiter().usage({
      userId: session.user.id,
      role: session.user.role,
      overrides: user?.limitOverrides,
    });
    return Object.fromEntries(statuses.map((status) => [status.limit, status]));
  }

  async function storedAnswers(session: TestSession, conversationId: string) {
    const { body } = await session.getConversation(conversationId);
    return body.messages.filter((message) => message.role === 'assistant');
  }

  const send = (session: TestSession, text: string, fault?: string) =>
    session.postChat(
      { message: userMessage(text), model: 'deepseek-flash', params: { thinking: false } },
      fault ? { 'x-simulator-fault': fault } : {},
    );

  describe(name, () => {
    it('answers 429 over the per-minute rate, with Retry-After and RateLimit headers, before any stream', async () => {
      const session = await userWith({ requestsPerMinute: 2 });
      const first = await session.turn('first');
      expect(first.response.headers.get('RateLimit-Limit')).not.toBeNull();
      await session.turn('second');

      const refused = await send(session, 'third');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/json');
      expect(refused.headers.get('x-conversation-id')).toBeNull();
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
      expect(refused.headers.get('RateLimit-Limit')).toBe('2');
      expect(refused.headers.get('RateLimit-Remaining')).toBe('0');
      expect(refused.headers.get('RateLimit-Reset')).toBe(refused.headers.get('Retry-After'));
      const { error: body } = (await refused.json()) as { error: { code: string; details: { limit: string } } };
      expect(body.code).toBe('rate_limit:chat');
      expect(body.details.limit).toBe('requests_per_minute');

      // Nothing of the refused turn was stored: still the two conversations from before.
      const list = await app().routes.conversations.GET(session.request(`${app().base}/api/conversations`));
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(2);
    });

    it('reconciles the token reservation with the real usage when the answer ends', async () => {
      const session = await userWith({});
      const { conversationId } = await session.turn('How do quotas work?');
      const [answer] = await storedAnswers(session, conversationId);
      const usage = await usageOf(session);
      expect(answer?.metadata?.usage?.totalTokens).toBeGreaterThan(0);
      expect(usage.tokens_per_day?.used).toBe(answer?.metadata?.usage?.totalTokens);
      expect(usage.requests_per_day?.used).toBe(1);
      expect(usage.concurrent_streams?.used).toBe(0);
    });

    it('charges a stopped answer what it used and frees its stream slot', async () => {
      const session = await userWith({});
      const response = await send(session, 'Tell me a long story', 'chunk-delay=25;chunks=400');
      const id = response.headers.get('x-conversation-id') ?? '';
      expect((await usageOf(session)).concurrent_streams?.used).toBe(1);
      await collectUIStream(response, (collected) => {
        if (collected.text.length < 20) return false;
        void app().routes.stop.POST(
          session.request(`${app().base}/api/chat/${id}/stop`, { method: 'POST' }),
          app().params({ id }),
        );
        return true;
      });
      await app().waitUntilSaved(id);
      const usage = await usageOf(session);
      const [answer] = await storedAnswers(session, id);
      expect(answer?.metadata?.status).toBe('interrupted');
      expect(usage.tokens_per_day?.used).toBeGreaterThan(0);
      // Far below the 8k output reservation: only the prompt and the streamed part were charged.
      expect(usage.tokens_per_day?.used).toBeLessThan(2_000);
      expect(usage.concurrent_streams?.used).toBe(0);
    });

    it('caps concurrent streams and frees the slot when one ends', async () => {
      const session = await userWith({ concurrentStreams: 1 });
      const slow = await send(session, 'A slow one', 'chunk-delay=20;chunks=200');
      expect(slow.status).toBe(200);
      const refused = await send(session, 'Another at once');
      expect(refused.status).toBe(429);
      const { error: body } = (await refused.json()) as { error: { details: { limit: string } } };
      expect(body.details.limit).toBe('concurrent_streams');

      const id = slow.headers.get('x-conversation-id') ?? '';
      await app().routes.stop.POST(
        session.request(`${app().base}/api/chat/${id}/stop`, { method: 'POST' }),
        app().params({ id }),
      );
      await collectUIStream(slow);
      await app().waitUntilSaved(id);
      expect((await session.turn('Now it fits')).response.status).toBe(200);
    });

    it('caps max_tokens to what is left of the day, then refuses with the reset time', async () => {
      const session = await userWith({ tokensPerDay: 700 });
      await session.turn('Short question');
      const sent = app().simulator.recorder.last()?.body as { max_tokens?: number };
      expect(sent.max_tokens).toBeGreaterThan(0);
      expect(sent.max_tokens).toBeLessThanOrEqual(700);

      const { getLimiter } = await import('@/lib/policy');
      // Spend the rest of the day's quota, as a long answer would have.
      const rest = await usageOf(session);
      if ((rest.tokens_per_day?.remaining ?? 0) > 0) {
        const lease = await getLimiter().admit({
          userId: session.user.id,
          role: 'user',
          overrides: { tokensPerDay: 700 },
          reserveTokens: rest.tokens_per_day?.remaining ?? 0,
        });
        await lease.settle({ usedTokens: lease.reservedTokens });
      }
      const refused = await send(session, 'One more');
      expect(refused.status).toBe(429);
      const { error: body } = (await refused.json()) as {
        error: { message: string; details: { limit: string; resetAt: string } };
      };
      expect(body.details.limit).toBe('tokens_per_day');
      expect(new Date(body.details.resetAt).toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(body.message).toContain('00:00 UTC');
      expect(refused.headers.get('RateLimit-Limit')).toBe('700');
    });

    it('takes a changed override into account on the next request', async () => {
      const session = await userWith({ requestsPerDay: 1 });
      await session.turn('one');
      expect((await send(session, 'two')).status).toBe(429);
      const { updateUser } = await import('@/lib/db/queries/users');
      await updateUser(app().db, session.user.id, { limitOverrides: null });
      expect((await session.turn('two, again')).response.status).toBe(200);
    });
  });
}
