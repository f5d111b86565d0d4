import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../support/app';
import { createEmptyPostgres } from '../support/db';

/** Shares, export and import on PostgreSQL (DATABASE_URL): the same routes give the same results. */

let app: Awaited<ReturnType<typeof loadApp>>;
let database: Awaited<ReturnType<typeof createEmptyPostgres>>;

beforeAll(async () => {
  database = await createEmptyPostgres();
  app = await loadApp({ databaseUrl: database.url });
});

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await database.drop();
});

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('shares and transfers on PostgreSQL', () => {
  it('shares, lists, counts views, revokes; exports and re-imports in one transaction', async () => {
    const shares = await import('@/app/api/shares/route');
    const share = await import('@/app/api/shares/[id]/route');
    const exportOne = await import('@/app/api/export/[id]/route');
    const importRoute = await import('@/app/api/import/route');
    const { openShare } = await import('@/lib/share/service');

    const { conversationId } = await app.turn('Postgres share');
    const created = await shares.POST(app.request('/api/shares', post({ conversationId, expiry: '30d' })));
    expect(created.status).toBe(201);
    const { share: view } = (await created.json()) as { share: { id: string; path: string } };
    const token = view.path.replace('/share/', '');
    expect((await openShare(app.db, token))?.snapshot.title).toBe('Postgres share');

    const list = (await (await shares.GET(app.request('/api/shares'))).json()) as {
      items: { id: string; viewCount: number; messageCount: number; sourceExists: boolean }[];
    };
    expect(list.items[0]).toMatchObject({ id: view.id, viewCount: 1, messageCount: 2, sourceExists: true });

    const revoked = await share.DELETE(
      app.request(`/api/shares/${view.id}`, { method: 'DELETE' }),
      app.params({ id: view.id }),
    );
    expect(revoked.status).toBe(200);
    expect(await openShare(app.db, token)).toBeUndefined();

    const exported = await exportOne.GET(
      app.request(`/api/export/${conversationId}?format=json`),
      app.params({ id: conversationId }),
    );
    const text = await exported.text();
    const imported = await importRoute.POST(
      app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }),
    );
    expect(imported.status).toBe(201);
    const { conversations } = (await imported.json()) as { conversations: { id: string; messageCount: number }[] };
    expect(conversations[0]?.messageCount).toBe(2);
  });
});
