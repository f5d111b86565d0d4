import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp, type TestSession, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

/**
 * Owner scoping through the routes: another user's (or a guest's) request for Alice's ids answers
 * 404 — exactly like an id that does not exist, never 403 — and nothing of Alice's changes.
 */

let app: TestApp;
let alice: TestSession;
let intruders: Record<'bob' | 'guest', TestSession>;
let aliceConversation: string;

type Page = { items: { id: string }[]; nextCursor: string | null };

beforeAll(async () => {
  app = await loadApp();
  alice = await app.signIn('user');
  intruders = { bob: await app.signIn('user'), guest: await app.signIn('guest') };
  const first = await alice.turn('Alice asks a private question');
  await alice.turn('and a follow-up', { id: first.conversationId });
  for (let i = 0; i < 3; i++) await alice.turn(`Alice's filler ${i}`);
  aliceConversation = first.conversationId;
});

async function aliceSnapshot() {
  const stored = await alice.getConversation(aliceConversation);
  expect(stored.status).toBe(200);
  return JSON.stringify(stored.body);
}

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/^not_found:/);
}

describe.each(['bob', 'guest'] as const)('%s and Alice’s conversation', (who) => {
  it('cannot read, rename or delete it: 404, and it is unchanged', async () => {
    const intruder = intruders[who];
    const before = await aliceSnapshot();
    const { conversation } = app.routes;
    const url = `/api/conversations/${aliceConversation}`;
    const params = app.params({ id: aliceConversation });
    await expectNotFound(await conversation.GET(intruder.request(url), params));
    await expectNotFound(
      await conversation.PATCH(
        intruder.request(url, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'pwned' }),
        }),
        params,
      ),
    );
    await expectNotFound(await conversation.DELETE(intruder.request(url, { method: 'DELETE' }), params));
    expect(await aliceSnapshot()).toBe(before);
  });

  it('cannot continue it in a chat turn, and nothing reaches the model', async () => {
    const intruder = intruders[who];
    const before = await aliceSnapshot();
    const lastUpstreamCall = app.simulator.recorder.last()?.id;
    const response = await intruder.postChat({
      id: aliceConversation,
      message: userMessage('let me in'),
      model: 'deepseek-flash',
      params: {},
    });
    await expectNotFound(response);
    expect(app.simulator.recorder.last()?.id).toBe(lastUpstreamCall);
    expect(await aliceSnapshot()).toBe(before);
  });

  it('cannot stop her running answer', async () => {
    const intruder = intruders[who];
    const running = await alice.postChat(
      { id: aliceConversation, message: userMessage('a long one please'), model: 'deepseek-flash', params: {} },
      { 'x-simulator-fault': 'chunk-delay=5;chunks=60' },
    );
    expect(running.status).toBe(200);
    const stop = await app.routes.stop.POST(
      intruder.request(`/api/chat/${aliceConversation}/stop`, { method: 'POST' }),
      app.params({ id: aliceConversation }),
    );
    await expectNotFound(stop);
    const answer = await collectUIStream(running);
    await app.waitUntilSaved(aliceConversation);
    expect(answer.metadata.status).toBe('complete');
    const stored = await alice.getConversation(aliceConversation);
    expect(stored.body.messages.at(-1)?.metadata?.status).toBe('complete');
    expect(textOf(stored.body.messages.at(-1))).toBe(answer.text);
  });

  it('does not see her conversations in the list, even with her cursor', async () => {
    const intruder = intruders[who];
    const list = async (session: TestSession, query: string) =>
      (await (await app.routes.conversations.GET(session.request(`/api/conversations${query}`))).json()) as Page;
    const alicePage = await list(alice, '?limit=2');
    expect(alicePage.items).toHaveLength(2);
    expect(alicePage.nextCursor).not.toBeNull();

    const aliceIds = new Set((await list(alice, '?limit=100')).items.map((item) => item.id));
    const own = await list(intruder, '?limit=100');
    const withHerCursor = await list(intruder, `?limit=100&cursor=${encodeURIComponent(alicePage.nextCursor!)}`);
    for (const page of [own, withHerCursor]) {
      expect(page.items.some((item) => aliceIds.has(item.id))).toBe(false);
    }
  });
});

describe('her own requests', () => {
  it('still work: she reads her conversation and stopping an idle one answers false', async () => {
    expect((await alice.getConversation(aliceConversation)).status).toBe(200);
    const stop = await app.routes.stop.POST(
      alice.request(`/api/chat/${aliceConversation}/stop`, { method: 'POST' }),
      app.params({ id: aliceConversation }),
    );
    expect(stop.status).toBe(200);
    expect(await stop.json()).toEqual({ stopped: false });
  });
});
