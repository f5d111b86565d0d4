import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadApp, type TestApp, type TestSession } from '../support/app';

/*
 * Comparison share links through the real routes: create / view / update / revoke / expire (fake
 * clock), another user's comparison, the blind-names rule, and continue as a copy.
 */

let app: TestApp;
let routes: {
  shares: typeof import('@/app/api/shares/route');
  share: typeof import('@/app/api/shares/[id]/route');
  copy: typeof import('@/app/api/shares/copy/route');
  compare: typeof import('@/app/api/compare/route');
  comparison: typeof import('@/app/api/compare/[id]/route');
  vote: typeof import('@/app/api/compare/[id]/vote/route');
};
let service: typeof import('@/lib/share/service');

beforeAll(async () => {
  app = await loadApp();
  routes = {
    shares: await import('@/app/api/shares/route'),
    share: await import('@/app/api/shares/[id]/route'),
    copy: await import('@/app/api/shares/copy/route'),
    compare: await import('@/app/api/compare/route'),
    comparison: await import('@/app/api/compare/[id]/route'),
    vote: await import('@/app/api/compare/[id]/vote/route'),
  };
  service = await import('@/lib/share/service');
});

afterEach(() => {
  vi.useRealTimers();
});

interface StoredPane {
  conversationId: string;
  model: string;
  params: Record<string, unknown>;
}
interface ShareBody {
  id: string;
  kind: string;
  comparisonId: string | null;
  conversationId: string | null;
  path: string | null;
  state: string;
  title: string;
  messageCount: number;
  sourceExists: boolean;
  viewCount: number;
}

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const panes = [
  { model: 'deepseek-flash', params: { thinking: false, temperature: 0.2 } },
  { model: 'deepseek-v4-pro', params: { thinking: true, effort: 'low' } },
];

/** A comparison with one answered question in every pane. */
async function answeredComparison(session: TestSession, title: string, blind = false) {
  const response = await routes.compare.POST(session.request('/api/compare', json({ title, blind, panes })));
  const { comparison } = (await response.json()) as { comparison: { id: string; panes: StoredPane[] } };
  for (const pane of comparison.panes) {
    await session.turn(title, { id: pane.conversationId, model: pane.model, params: pane.params });
  }
  return comparison;
}

async function createShare(session: TestSession, body: object) {
  const response = await routes.shares.POST(session.request('/api/shares', json(body)));
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

async function patchShare(session: TestSession, id: string, body: object) {
  const response = await routes.share.PATCH(
    session.request(`/api/shares/${id}`, json(body, 'PATCH')),
    app.params({ id }),
  );
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

async function revoke(session: TestSession, id: string) {
  const response = await routes.share.DELETE(
    session.request(`/api/shares/${id}`, { method: 'DELETE' }),
    app.params({ id }),
  );
  return { status: response.status, body: (await response.json()) as { share: ShareBody } };
}

const tokenOf = (share: ShareBody) => share.path!.replace('/share/', '');

/** A comparison share's public snapshot (undefined when the link is not live or not a comparison). */
async function open(token: string) {
  const opened = await service.openShare(app.db, token);
  return opened?.kind === 'comparison' ? opened.snapshot : undefined;
}

async function vote(session: TestSession, id: string) {
  const response = await routes.vote.POST(
    session.request(`/api/compare/${id}/vote`, json({ turn: 1, verdict: { outcome: 'win', winner: 1 } })),
    app.params({ id }),
  );
  expect(response.status).toBe(201);
}

describe('comparison share links', () => {
  it('snapshots every pane with its settings and the votes; later turns need an update', async () => {
    const comparison = await answeredComparison(app.session, 'Explain CRDTs');
    await vote(app.session, comparison.id);
    const created = await createShare(app.session, { comparisonId: comparison.id, expiry: '7d' });
    expect(created.status).toBe(201);
    expect(created.body.share).toMatchObject({
      kind: 'comparison',
      comparisonId: comparison.id,
      conversationId: null,
      title: 'Explain CRDTs',
      messageCount: 4,
      state: 'active',
    });
    const token = tokenOf(created.body.share);
    expect(token).not.toContain(comparison.id);

    const snapshot = await open(token);
    expect(snapshot?.panes.map((pane) => [pane.label, pane.model])).toEqual([
      ['A', 'deepseek-flash'],
      ['B', 'deepseek-v4-pro'],
    ]);
    expect(snapshot?.panes[0]?.params).toMatchObject({ temperature: 0.2 });
    expect(snapshot?.panes.map((pane) => pane.messages.map((message) => message.role))).toEqual([
      ['user', 'assistant'],
      ['user', 'assistant'],
    ]);
    expect(snapshot?.votes).toEqual([{ turn: 1, outcome: 'win', winner: 1 }]);
    // Reasoning was not included: the thinking pane's answer has none in the snapshot.
    expect(snapshot?.panes[1]?.messages[1]?.parts.some((part) => part.type === 'reasoning')).toBe(false);

    // A later question is not exposed until the owner updates the share.
    for (const pane of comparison.panes) {
      await app.session.turn('And an example?', { id: pane.conversationId, model: pane.model, params: pane.params });
    }
    expect((await open(token))?.panes[0]?.messages).toHaveLength(2);
    const updated = await patchShare(app.session, created.body.share.id, {
      refreshSnapshot: true,
      includeReasoning: true,
    });
    expect(updated.status).toBe(200);
    const after = await open(token);
    expect(after?.panes.map((pane) => pane.messages.length)).toEqual([4, 4]);
    expect(after?.panes[1]?.messages[1]?.parts.some((part) => part.type === 'reasoning')).toBe(true);

    const listed = (await (await routes.shares.GET(app.request('/api/shares'))).json()) as { items: ShareBody[] };
    expect(listed.items.find((item) => item.id === created.body.share.id)).toMatchObject({
      kind: 'comparison',
      messageCount: 8,
      viewCount: 3,
      sourceExists: true,
    });

    // The snapshot outlives its comparison; the list says the source is gone.
    await routes.comparison.DELETE(
      app.request(`/api/compare/${comparison.id}`, { method: 'DELETE' }),
      app.params({ id: comparison.id }),
    );
    expect((await open(token))?.panes).toHaveLength(2);
    const gone = (await (await routes.shares.GET(app.request('/api/shares'))).json()) as { items: ShareBody[] };
    expect(gone.items.find((item) => item.id === created.body.share.id)?.sourceExists).toBe(false);
    expect((await patchShare(app.session, created.body.share.id, { refreshSnapshot: true })).status).toBe(404);
  });

  it('expires and revokes like a conversation share (fake clock)', async () => {
    const comparison = await answeredComparison(app.session, 'expiring comparison');
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const hour = (await createShare(app.session, { comparisonId: comparison.id, expiry: '1h' })).body.share;
    expect(await open(tokenOf(hour))).toBeDefined();
    vi.setSystemTime(new Date(start.getTime() + 3_600_000));
    expect(await open(tokenOf(hour))).toBeUndefined();
    expect((await patchShare(app.session, hour.id, { expiry: '1d' })).body.share.state).toBe('active');
    expect(await open(tokenOf(hour))).toBeDefined();
    expect((await revoke(app.session, hour.id)).body.share.state).toBe('revoked');
    expect(await open(tokenOf(hour))).toBeUndefined();
  });

  it("another user's comparison is a 404, an empty one a 400, and guests cannot share", async () => {
    const comparison = await answeredComparison(app.session, 'private comparison');
    const other = await app.signIn('user');
    const theirs = await createShare(other, { comparisonId: comparison.id });
    expect(theirs.status).toBe(404);
    expect((await createShare(app.session, { comparisonId: 'no-such-comparison' })).status).toBe(404);
    // Exactly one source.
    expect((await createShare(app.session, { comparisonId: comparison.id, conversationId: 'x' })).status).toBe(400);

    const response = await routes.compare.POST(app.session.request('/api/compare', json({ title: 'empty', panes })));
    const { comparison: empty } = (await response.json()) as { comparison: { id: string } };
    expect((await createShare(app.session, { comparisonId: empty.id })).status).toBe(400);

    const mine = (await createShare(app.session, { comparisonId: comparison.id })).body.share;
    expect((await revoke(other, mine.id)).status).toBe(404);
    expect((await createShare(await app.signIn('guest'), { comparisonId: comparison.id })).status).toBe(403);
  });

  it('a blind comparison shows model names only once the owner has voted', async () => {
    const comparison = await answeredComparison(app.session, 'blind comparison', true);
    const share = (await createShare(app.session, { comparisonId: comparison.id, includeReasoning: true })).body.share;
    const hidden = await open(tokenOf(share));
    expect(hidden).toMatchObject({ blind: true, revealed: false });
    expect(hidden?.panes.every((pane) => pane.model === null && pane.params === null)).toBe(true);
    expect(hidden?.panes.flatMap((pane) => pane.messages).every((message) => message.model === null)).toBe(true);
    const models = comparison.panes.map((pane) => pane.model);
    // Nothing but the answers' own text names a model (the simulator writes its model into the answer).
    const withoutText = JSON.stringify({
      ...hidden,
      panes: hidden?.panes.map((pane) => ({
        ...pane,
        messages: pane.messages.map(({ parts: _parts, ...rest }) => rest),
      })),
    });
    for (const model of models) expect(withoutText).not.toContain(model);

    await vote(app.session, comparison.id);
    // What the link shows follows the snapshot: still hidden until the owner updates it.
    expect((await open(tokenOf(share)))?.revealed).toBe(false);
    await patchShare(app.session, share.id, { refreshSnapshot: true });
    const revealed = await open(tokenOf(share));
    expect(revealed?.revealed).toBe(true);
    expect(revealed?.panes.map((pane) => pane.model)).toEqual(models);
  });

  it('continue as a copy gives the viewer a comparison of their own (blind stays blind)', async () => {
    const comparison = await answeredComparison(app.session, 'copy this comparison', true);
    const token = tokenOf((await createShare(app.session, { comparisonId: comparison.id })).body.share);
    const viewer = await app.signIn('user');
    const response = await routes.copy.POST(viewer.request('/api/shares/copy', json({ token })));
    expect(response.status).toBe(201);
    const { comparison: copy } = (await response.json()) as { comparison: { id: string } };
    expect(copy.id).not.toBe(comparison.id);

    const detail = await routes.comparison.GET(viewer.request(`/api/compare/${copy.id}`), app.params({ id: copy.id }));
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as {
      comparison: { title: string; blind: boolean; panes: StoredPane[] };
      messages: Record<string, { role: string }[]>;
      votes: unknown[];
    };
    // Not yet voted on by the owner: the viewer's copy is blind too, with the same models in the same order.
    expect(body.comparison).toMatchObject({ title: 'copy this comparison', blind: true });
    expect(body.comparison.panes.map((pane) => pane.model)).toEqual(comparison.panes.map((pane) => pane.model));
    expect(body.votes).toEqual([]);
    for (const pane of body.comparison.panes) {
      expect(pane.conversationId).not.toBe(comparison.panes[0]?.conversationId);
      expect(body.messages[pane.conversationId]?.map((message) => message.role)).toEqual(['user', 'assistant']);
    }
    // The copy belongs to the viewer only.
    const foreign = await routes.comparison.GET(app.request(`/api/compare/${copy.id}`), app.params({ id: copy.id }));
    expect(foreign.status).toBe(404);
  });
});

describe('comparison export', () => {
  it('Markdown has one section per pane and JSON the panes, messages and votes; blind names stay hidden', async () => {
    const exporter = await import('@/app/api/compare/[id]/export/route');
    const download = async (session: TestSession, id: string, format: string) => {
      const response = await exporter.GET(
        session.request(`/api/compare/${id}/export?format=${format}`),
        app.params({ id }),
      );
      return { status: response.status, text: await response.text(), headers: response.headers };
    };
    const comparison = await answeredComparison(app.session, 'Export this comparison');
    await vote(app.session, comparison.id);
    const markdown = await download(app.session, comparison.id, 'md');
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Export-this-comparison-[0-9a-f]{8}\.md"/,
    );
    expect(markdown.text).toMatch(/^---\ntitle: "Export this comparison"\nkind: "comparison"/);
    expect(markdown.text).toContain('## Pane A · deepseek-flash');
    expect(markdown.text).toContain('## Pane B · deepseek-v4-pro');
    expect(markdown.text.match(/^### Assistant/gm)).toHaveLength(2);
    expect(markdown.text).toContain('"question 1: B won"');

    const file = await download(app.session, comparison.id, 'json');
    const document = JSON.parse(file.text) as {
      format: string;
      version: number;
      comparison: { panes: { label: string; model: string; messages: { role: string }[] }[]; votes: unknown[] };
    };
    expect(document).toMatchObject({ format: 'deepseek-studio.comparison', version: 1 });
    expect(document.comparison.panes.map((pane) => [pane.label, pane.model, pane.messages.length])).toEqual([
      ['A', 'deepseek-flash', 2],
      ['B', 'deepseek-v4-pro', 2],
    ]);
    expect(document.comparison.votes).toEqual([{ turn: 1, outcome: 'win', winner: 1 }]);

    const blind = await answeredComparison(app.session, 'Blind export', true);
    const hidden = await download(app.session, blind.id, 'md');
    expect(hidden.text.match(/## Pane [AB] · model hidden/g)).toHaveLength(2);
    expect(hidden.text).toContain('model: null');

    expect((await download(await app.signIn('user'), comparison.id, 'md')).status).toBe(404);
    expect((await download(app.session, comparison.id, 'pdf')).status).toBe(400);
  });
});
