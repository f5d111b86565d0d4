import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp, textOf, userMessage } from '../support/app';
import { createEmptyPostgres } from '../support/db';
import { collectUIStream } from '../support/ui-stream';

/** The chat spine on PostgreSQL (DATABASE_URL) instead of the embedded PGlite: same routes, same results. */

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

describe('chat on PostgreSQL', () => {
  it('keeps a multi-turn conversation by context id (migrations applied on start)', async () => {
    const first = await app.turn('Postgres question one');
    const second = await app.turn('Postgres question two', { id: first.conversationId });
    const stored = await app.getConversation(first.conversationId);
    expect(stored.body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(textOf(stored.body.messages[3])).toBe(second.stream.text);
    const sent = app.simulator.recorder.last()?.body as { messages: unknown[] };
    expect(sent.messages).toHaveLength(3);
  });

  it('stores a stopped answer as interrupted', async () => {
    const response = await app.postChat(
      { message: userMessage('Long answer on Postgres'), model: 'deepseek-flash', params: { thinking: false } },
      { 'x-simulator-fault': 'chunk-delay=25;chunks=400' },
    );
    const id = response.headers.get('x-conversation-id') ?? '';
    await collectUIStream(response, (collected) => {
      if (collected.text.length === 0) return false;
      void app.routes.stop.POST(new Request(`${app.base}/api/chat/${id}/stop`, { method: 'POST' }), app.params({ id }));
      return true;
    });
    await app.waitUntilSaved(id);
    const answer = (await app.getConversation(id)).body.messages[1];
    expect(answer?.metadata?.status).toBe('interrupted');
    expect(app.simulator.recorder.last()?.aborted).toBe(true);
  });
});
