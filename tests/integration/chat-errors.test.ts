import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

let app: Awaited<ReturnType<typeof loadApp>>;
let existingId: string;

beforeAll(async () => {
  // Each failure is shown as it comes: no retries, and a breaker that never opens (tested elsewhere).
  app = await loadApp({
    env: { UPSTREAM_MAX_RETRIES: '0', BREAKER_WINDOW_SIZE: '1000', BREAKER_MINIMUM_CALLS: '1000' },
  });
  existingId = (await app.turn('A conversation that must not change')).conversationId;
});

async function snapshot() {
  const list = await app.routes.conversations.GET(app.request(`${app.base}/api/conversations?limit=100`));
  const { items } = (await list.json()) as { items: { id: string; title: string; updatedAt: string }[] };
  const existing = await app.getConversation(existingId);
  return { items, messages: existing.body.messages };
}

const valid = () => ({
  id: existingId,
  message: userMessage('hello'),
  model: 'deepseek-flash',
  params: { thinking: false },
});

describe('bad input gets a typed 4xx and changes nothing stored', () => {
  const cases: Array<[string, () => { body: unknown; headers?: Record<string, string> }, number, string]> = [
    ['malformed JSON', () => ({ body: '{"message": ' }), 400, 'bad_request:chat'],
    ['a JSON array', () => ({ body: '[]' }), 400, 'bad_request:chat'],
    [
      'the wrong content type',
      () => ({ body: JSON.stringify(valid()), headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type:chat',
    ],
    ['an unknown model', () => ({ body: { ...valid(), model: 'gpt-7' } }), 400, 'bad_request:model'],
    [
      'a temperature above 2',
      () => ({ body: { ...valid(), params: { thinking: false, temperature: 2.5 } } }),
      400,
      'bad_request:params',
    ],
    [
      'a negative top_p',
      () => ({ body: { ...valid(), params: { thinking: false, topP: -0.1 } } }),
      400,
      'bad_request:params',
    ],
    ['max tokens of zero', () => ({ body: { ...valid(), params: { maxTokens: 0 } } }), 400, 'bad_request:params'],
    [
      'max tokens beyond the model',
      () => ({ body: { ...valid(), params: { maxTokens: 10_000_000 } } }),
      400,
      'bad_request:params',
    ],
    [
      'a temperature that is a string',
      () => ({ body: { ...valid(), params: { temperature: 'hot' } } }),
      400,
      'bad_request:chat',
    ],
    ['an unknown parameter', () => ({ body: { ...valid(), params: { seed: 4 } } }), 400, 'bad_request:chat'],
    ['an empty message', () => ({ body: { ...valid(), message: userMessage('   ') } }), 400, 'bad_request:chat'],
    [
      'an oversized message',
      () => ({ body: { ...valid(), message: userMessage('x'.repeat(70_000)) } }),
      400,
      'bad_request:chat',
    ],
    [
      'a body over the byte limit',
      () => ({ body: { ...valid(), message: userMessage('y'.repeat(1_100_000)) } }),
      413,
      'payload_too_large:chat',
    ],
    ['an unknown context id', () => ({ body: { ...valid(), id: randomUUID() } }), 404, 'not_found:conversation'],
    ['a malformed context id', () => ({ body: { ...valid(), id: '../../etc' } }), 400, 'bad_request:chat'],
    ['editing an unknown message', () => ({ body: { ...valid(), messageId: 'nope' } }), 404, 'not_found:message'],
  ];

  it.each(cases)('%s', async (_name, make, status, code) => {
    const before = await snapshot();
    const { body, headers } = make();
    const response = await app.postChat(body, headers);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(json.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(await snapshot()).toEqual(before);
  });
});

describe('upstream failures reach the user in words', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['an invalid key', 'status=401', 'upstream_auth:upstream', /API key is invalid.*operator/i],
    ['an empty balance', 'status=402', 'upstream_balance:upstream', /no balance.*operator/i],
    ['a rate limit', 'status=429;retry-after=7', 'upstream_rate_limit:upstream', /try again in 7 s/i],
    ['an overloaded service', 'status=503', 'upstream_unavailable:upstream', /busy or unavailable/i],
    ['a server error', 'status=500', 'upstream_unavailable:upstream', /busy or unavailable/i],
  ];

  it.each(cases)('%s', async (_name, fault, code, message) => {
    const response = await app.postChat(
      { message: userMessage('hello?'), model: 'deepseek-flash', params: { thinking: false } },
      { 'x-simulator-fault': fault },
    );
    const id = response.headers.get('x-conversation-id') ?? '';
    const stream = await collectUIStream(response);
    await app.waitUntilSaved(id);
    expect(stream.errors).toHaveLength(1);
    expect(stream.errors[0]?.code).toBe(code);
    expect(stream.errors[0]?.message).toMatch(message);
    if (fault.includes('retry-after')) expect(stream.errors[0]?.retryAfterSeconds).toBe(7);
    expect(JSON.stringify(stream.chunks)).not.toMatch(/sk-simulator|Bearer/);

    // The question is kept; the failed answer is stored as an error the user can retry.
    const stored = (await app.getConversation(id)).body.messages;
    expect(textOf(stored[0])).toBe('hello?');
    expect(stored[1]?.metadata?.status).toBe('error');
    expect(stored[1]?.metadata?.error?.code).toBe(code);
  });

  it('a stream that drops mid-way keeps the partial answer, marked interrupted', async () => {
    const response = await app.postChat(
      { message: userMessage('Write a poem'), model: 'deepseek-flash', params: { thinking: false } },
      { 'x-simulator-fault': 'drop-after=8' },
    );
    const id = response.headers.get('x-conversation-id') ?? '';
    const stream = await collectUIStream(response);
    await app.waitUntilSaved(id);
    expect(stream.text.length).toBeGreaterThan(0);
    expect(stream.errors[0]?.code).toBe('upstream_interrupted:upstream');
    const answer = (await app.getConversation(id)).body.messages[1];
    expect(answer?.metadata?.status).toBe('interrupted');
    expect(textOf(answer)).toBe(stream.text);
  });
});

describe('conversation routes', () => {
  it('renames, rejects bad titles, deletes, and answers 404 for unknown ids', async () => {
    const { conversationId: id } = await app.turn('Rename me');
    const patch = (body: string) =>
      app.routes.conversation.PATCH(
        app.request(`${app.base}/api/conversations/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body,
        }),
        app.params({ id }),
      );
    expect((await patch(JSON.stringify({ title: '  New   name ' }))).status).toBe(200);
    expect((await app.getConversation(id)).body.conversation).toMatchObject({ title: 'New name' });
    expect((await patch(JSON.stringify({ title: '' }))).status).toBe(400);
    expect((await patch(JSON.stringify({ title: 42 }))).status).toBe(400);
    expect((await patch('{')).status).toBe(400);
    expect((await app.getConversation(id)).body.conversation).toMatchObject({ title: 'New name' });

    const del = () =>
      app.routes.conversation.DELETE(
        app.request(`${app.base}/api/conversations/${id}`, { method: 'DELETE' }),
        app.params({ id }),
      );
    expect((await del()).status).toBe(204);
    expect((await app.getConversation(id)).status).toBe(404);
    expect((await del()).status).toBe(404);
    expect((await app.getConversation('not-a-uuid')).status).toBe(404);
  });

  it('pages through the list with cursors and rejects a forged cursor', async () => {
    for (let index = 0; index < 4; index++) await app.turn(`Listing ${index}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${app.base}/api/conversations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await app.routes.conversations.GET(app.request(url))).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const forged = await app.routes.conversations.GET(app.request(`${app.base}/api/conversations?cursor=%%%`));
    expect(forged.status).toBe(400);
    const tooMany = await app.routes.conversations.GET(app.request(`${app.base}/api/conversations?limit=1000`));
    expect(tooMany.status).toBe(400);
  });

  it('lists the models from the registry and says it runs on the simulator', async () => {
    const response = await app.routes.models.GET(app.request(`${app.base}/api/models`));
    const body = (await response.json()) as { simulator: boolean; defaultModel: string; models: { id: string }[] };
    expect(body.simulator).toBe(true);
    expect(body.models.map((model) => model.id)).toEqual(['deepseek-flash', 'deepseek-v4-pro']);
    expect(body.defaultModel).toBe('deepseek-flash');
  });
});
