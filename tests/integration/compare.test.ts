import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import { users } from '@/lib/db/schema';
import { loadApp, type TestApp, type TestSession, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

let app: TestApp;
let routes: {
  list: typeof import('@/app/api/compare/route');
  one: typeof import('@/app/api/compare/[id]/route');
  vote: typeof import('@/app/api/compare/[id]/vote/route');
  continue: typeof import('@/app/api/compare/[id]/continue/route');
  leaderboard: typeof import('@/app/api/compare/leaderboard/route');
};

interface StoredPane {
  conversationId: string;
  model: string;
  params: Record<string, unknown>;
}
interface ComparisonBody {
  comparison: { id: string; title: string; blind: boolean; panes: StoredPane[] };
  messages: Record<string, ChatMessage[]>;
  votes: { turn: number; outcome: string; configs: { key: string }[] }[];
}

beforeAll(async () => {
  app = await loadApp();
  // Loaded after loadApp's module reset, so they share its database and runtime.
  routes = {
    list: await import('@/app/api/compare/route'),
    one: await import('@/app/api/compare/[id]/route'),
    vote: await import('@/app/api/compare/[id]/vote/route'),
    continue: await import('@/app/api/compare/[id]/continue/route'),
    leaderboard: await import('@/app/api/compare/leaderboard/route'),
  };
});

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function create(session: TestSession, body: unknown) {
  const response = await routes.list.POST(session.request('/api/compare', json(body)));
  return { status: response.status, body: (await response.json()) as ComparisonBody & { error?: { code: string } } };
}

async function detail(session: TestSession, id: string) {
  const response = await routes.one.GET(session.request(`/api/compare/${id}`), app.params({ id }));
  return { status: response.status, body: (await response.json()) as ComparisonBody };
}

async function vote(session: TestSession, id: string, body: unknown) {
  const response = await routes.vote.POST(session.request(`/api/compare/${id}/vote`, json(body)), app.params({ id }));
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

/** One compare turn: the same question to every pane, as the browser does (one chat request each). */
async function sendToAll(session: TestSession, panes: StoredPane[], text: string) {
  return Promise.all(
    panes.map((pane) => session.turn(text, { id: pane.conversationId, model: pane.model, params: pane.params })),
  );
}

const threePanes = [
  { model: 'deepseek-flash', params: { thinking: false, temperature: 0 } },
  { model: 'deepseek-flash', params: { thinking: false, temperature: 1.3, topP: 0.5 } },
  { model: 'deepseek-v4-pro', params: { thinking: true, effort: 'low' } },
];

describe('a comparison fans one question out to its panes', () => {
  it('keeps one conversation per pane; each upstream request carries its pane’s parameters and history', async () => {
    const created = await create(app.session, { title: 'Explain CRDTs', panes: threePanes });
    expect(created.status).toBe(201);
    const { comparison } = created.body;
    expect(comparison.panes.map((pane) => pane.model)).toEqual(threePanes.map((pane) => pane.model));
    const ids = comparison.panes.map((pane) => pane.conversationId);
    expect(new Set(ids).size).toBe(3);

    const since = Date.now();
    await sendToAll(app.session, comparison.panes, 'Explain CRDTs');
    await sendToAll(app.session, comparison.panes, 'Now with an example');
    const requests = app.simulator.recorder
      .list()
      .filter((request) => request.receivedAt >= since && request.path.endsWith('/chat/completions'));
    expect(requests).toHaveLength(6);

    type Upstream = {
      model: string;
      temperature?: number;
      top_p?: number;
      thinking?: { type: string };
      reasoning_effort?: string;
      messages: { role: string; content: unknown }[];
    };
    const followUps = requests.map((request) => request.body as Upstream).filter((body) => body.messages.length === 3);
    expect(followUps).toHaveLength(3);
    const stored = await detail(app.session, comparison.id);
    for (const [index, pane] of comparison.panes.entries()) {
      const history = stored.body.messages[pane.conversationId] ?? [];
      expect(history.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      // The follow-up of this pane carries this pane's own first answer, nobody else's.
      const upstream = followUps.find((body) => body.messages[1]?.content === textOf(history[1]));
      expect(upstream, `pane ${index}`).toBeDefined();
      expect(JSON.stringify(upstream?.messages[2])).toContain('Now with an example');
      if (index === 0) expect(upstream).toMatchObject({ model: 'deepseek-flash', temperature: 0 });
      if (index === 1) expect(upstream).toMatchObject({ model: 'deepseek-flash', temperature: 1.3, top_p: 0.5 });
      if (index === 2) {
        expect(upstream?.model).toBe('deepseek-v4-pro');
        expect(upstream?.temperature).toBeUndefined();
        expect(upstream?.reasoning_effort).toBe('low');
      }
    }
    // Answers differ per pane: each pane's history is its own.
    expect(new Set(followUps.map((body) => body.messages[1]?.content)).size).toBe(3);

    // Panes stay out of the conversation list.
    const list = await app.routes.conversations.GET(app.request('/api/conversations?limit=100'));
    const listed = ((await list.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(listed.some((id) => ids.includes(id))).toBe(false);
  });

  it('refuses bad panes with typed 400s and stores nothing', async () => {
    const countBefore = (await (await routes.list.GET(app.request('/api/compare'))).json()) as { items: unknown[] };
    const five = Array.from({ length: 5 }, () => ({ model: 'deepseek-flash', params: {} }));
    const cases: [unknown, string][] = [
      [{ title: 'x', panes: five }, 'bad_request:compare'],
      [{ title: 'x', panes: [{ model: 'deepseek-flash', params: {} }] }, 'bad_request:compare'],
      [
        {
          title: 'x',
          panes: [
            { model: 'gpt-9', params: {} },
            { model: 'deepseek-flash', params: {} },
          ],
        },
        'bad_request:model',
      ],
      [
        {
          title: 'x',
          panes: [
            { model: 'deepseek-flash', params: { temperature: 3 } },
            { model: 'deepseek-flash', params: {} },
          ],
        },
        'bad_request:params',
      ],
      [{ title: 'x', panes: [{ model: 'deepseek-flash', params: { bogus: 1 } }] }, 'bad_request:compare'],
      [{ title: '', panes: threePanes }, 'bad_request:compare'],
    ];
    for (const [body, code] of cases) {
      const response = await create(app.session, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.code).toBe(code);
    }
    const countAfter = (await (await routes.list.GET(app.request('/api/compare'))).json()) as { items: unknown[] };
    expect(countAfter.items.length).toBe(countBefore.items.length);
  });

  it('a pane refused by the concurrency limit says so while the other pane answers', async () => {
    const session = await app.signIn('user');
    await app.db
      .update(users)
      .set({ limitOverrides: { concurrentStreams: 1 } })
      .where(eq(users.id, session.user.id));
    const { comparison } = (await create(session, { title: 'Limits', panes: threePanes.slice(0, 2) })).body;
    const [slow, refused] = comparison.panes as [StoredPane, StoredPane];
    const first = await session.postChat(
      { id: slow.conversationId, message: userMessage('hello'), model: slow.model, params: slow.params },
      { 'x-simulator-fault': 'chunk-delay=20;chunks=40' },
    );
    const second = await session.postChat({
      id: refused.conversationId,
      message: userMessage('hello'),
      model: refused.model,
      params: refused.params,
    });
    expect(second.status).toBe(429);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('rate_limit:chat');
    const answer = await collectUIStream(first);
    expect(answer.metadata.status).toBe('complete');
    await app.waitUntilSaved(slow.conversationId);
    const stored = await detail(session, comparison.id);
    expect(stored.body.messages[slow.conversationId]?.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(stored.body.messages[refused.conversationId]).toEqual([]);
  });
});

describe('votes, leaderboard, continue and delete', () => {
  it('records one vote per turn, only by the owner, and ranks configurations', async () => {
    const { comparison } = (await create(app.session, { title: 'Haiku', blind: true, panes: threePanes.slice(0, 2) }))
      .body;
    expect(comparison.blind).toBe(true);
    expect((await vote(app.session, comparison.id, { turn: 1, verdict: { outcome: 'tie' } })).status).toBe(400);
    await sendToAll(app.session, comparison.panes, 'Write a haiku');

    const stranger = await app.signIn('user');
    const foreign = await vote(stranger, comparison.id, { turn: 1, verdict: { outcome: 'win', winner: 0 } });
    expect(foreign.status).toBe(404);
    expect((await detail(stranger, comparison.id)).status).toBe(404);

    expect((await vote(app.session, comparison.id, { turn: 1, verdict: { outcome: 'win', winner: 2 } })).status).toBe(
      400,
    );
    expect((await vote(app.session, comparison.id, { turn: 2, verdict: { outcome: 'tie' } })).status).toBe(400);
    const winnerIndex = comparison.panes.findIndex((pane) => pane.params.temperature === 1.3);
    const cast = await vote(app.session, comparison.id, { turn: 1, verdict: { outcome: 'win', winner: winnerIndex } });
    expect(cast.status).toBe(201);
    const again = await vote(app.session, comparison.id, { turn: 1, verdict: { outcome: 'tie' } });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('conflict:compare');

    const stored = await detail(app.session, comparison.id);
    expect(stored.body.votes).toHaveLength(1);
    expect(stored.body.votes[0]?.configs.map((config) => config.key).sort()).toEqual([
      'deepseek-flash;thinking=off;temperature=0',
      'deepseek-flash;thinking=off;temperature=1.3;topP=0.5',
    ]);

    const board = async (session: TestSession, scope: string) => {
      const response = await routes.leaderboard.GET(session.request(`/api/compare/leaderboard?scope=${scope}`));
      return (await response.json()) as {
        votes: number;
        entries: { key: string; wins: number; votes: number; winRate: number; rating: number }[];
      };
    };
    const mine = await board(app.session, 'me');
    expect(mine.votes).toBe(1);
    expect(mine.entries[0]).toMatchObject({
      key: 'deepseek-flash;thinking=off;temperature=1.3;topP=0.5',
      wins: 1,
      votes: 1,
      winRate: 1,
      rating: 1016,
    });
    expect(mine.entries[1]).toMatchObject({ wins: 0, votes: 1, rating: 984 });
    expect((await board(stranger, 'me')).entries).toEqual([]);
    expect((await board(stranger, 'instance')).votes).toBeGreaterThanOrEqual(1);
    const badScope = await routes.leaderboard.GET(app.request('/api/compare/leaderboard?scope=everyone'));
    expect(badScope.status).toBe(400);
  });

  it('continue copies a pane into a normal conversation; duplicate copies history; delete removes the panes', async () => {
    const { comparison } = (await create(app.session, { title: 'Rust vs Go', panes: threePanes.slice(0, 2) })).body;
    await sendToAll(app.session, comparison.panes, 'Rust or Go for a CLI?');
    const [first, second] = comparison.panes as [StoredPane, StoredPane];

    const response = await routes.continue.POST(
      app.request(`/api/compare/${comparison.id}/continue`, json({ conversationId: second.conversationId })),
      app.params({ id: comparison.id }),
    );
    expect(response.status).toBe(201);
    const { conversationId } = (await response.json()) as { conversationId: string };
    const copy = await app.getConversation(conversationId);
    expect(copy.status).toBe(200);
    expect(copy.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    const original = (await detail(app.session, comparison.id)).body.messages[second.conversationId];
    expect(textOf(copy.body.messages[1])).toBe(textOf(original?.[1]));
    const follow = await app.turn('And for a web server?', { id: conversationId });
    expect(follow.stream.metadata.status).toBe('complete');

    const patched = await routes.one.PATCH(
      app.request(
        `/api/compare/${comparison.id}`,
        json(
          {
            panes: [
              {
                conversationId: first.conversationId,
                model: 'deepseek-flash',
                params: { thinking: false, temperature: 0.7 },
              },
              { model: 'deepseek-flash', params: { thinking: false, temperature: 0.7 }, copyOf: first.conversationId },
            ],
          },
          'PATCH',
        ),
      ),
      app.params({ id: comparison.id }),
    );
    expect(patched.status).toBe(200);
    const after = await detail(app.session, comparison.id);
    const [kept, duplicate] = after.body.comparison.panes as [StoredPane, StoredPane];
    expect(kept.conversationId).toBe(first.conversationId);
    expect(kept.params.temperature).toBe(0.7);
    expect(after.body.messages[duplicate.conversationId]?.map(textOf)).toEqual(
      after.body.messages[first.conversationId]?.map(textOf),
    );
    // The removed pane's conversation is gone.
    expect((await app.getConversation(second.conversationId)).status).toBe(404);

    const foreignPane = await routes.one.PATCH(
      app.request(
        `/api/compare/${comparison.id}`,
        json(
          {
            panes: [
              { conversationId, model: 'deepseek-flash', params: {} },
              { model: 'deepseek-flash', params: {} },
            ],
          },
          'PATCH',
        ),
      ),
      app.params({ id: comparison.id }),
    );
    expect(foreignPane.status).toBe(400);

    const deleted = await routes.one.DELETE(
      app.request(`/api/compare/${comparison.id}`, { method: 'DELETE' }),
      app.params({ id: comparison.id }),
    );
    expect(deleted.status).toBe(204);
    expect((await detail(app.session, comparison.id)).status).toBe(404);
    expect((await app.getConversation(first.conversationId)).status).toBe(404);
    expect((await app.getConversation(duplicate.conversationId)).status).toBe(404);
    // The continued conversation is ordinary and survives.
    expect((await app.getConversation(conversationId)).status).toBe(200);
  });
});
