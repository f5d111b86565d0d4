import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { usageEvents } from '@/lib/db/schema';
import { assembleRun } from '@/lib/playground/assemble';
import type { RunEvent } from '@/lib/playground/events';
import { buildUpstreamRequest } from '@/lib/playground/request';
import { defaultState, type PlaygroundState } from '@/lib/playground/state';
import { loadApp, type TestSession } from '../support/app';

let app: Awaited<ReturnType<typeof loadApp>>;
let routes: {
  run: typeof import('@/app/api/playground/run/route');
  open: typeof import('@/app/api/playground/open/route');
  presets: typeof import('@/app/api/presets/route');
  preset: typeof import('@/app/api/presets/[id]/route');
};

beforeAll(async () => {
  app = await loadApp();
  routes = {
    run: await import('@/app/api/playground/run/route'),
    open: await import('@/app/api/playground/open/route'),
    presets: await import('@/app/api/presets/route'),
    preset: await import('@/app/api/presets/[id]/route'),
  };
});

const state = (change: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultState('deepseek-flash'),
  ...change,
});

function post(
  session: Pick<TestSession, 'request'>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return session.request(`${app.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function readEvents(response: Response, until?: (events: RunEvent[]) => boolean): Promise<RunEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: RunEvent[] = [];
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as RunEvent);
    if (until?.(events)) {
      await reader.cancel();
      break;
    }
  }
  return events;
}

const usageRows = async (userId: string) => app.db.select().from(usageEvents).where(eq(usageEvents.userId, userId));

describe('POST /api/playground/run', () => {
  it('sends upstream exactly the request the playground shows, and relays every raw event', async () => {
    const session = await app.signIn('user');
    const input = state({
      thinking: false,
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 300,
      stop: ['END', '###'],
      jsonOutput: true,
      system: 'Reply in JSON.',
      messages: [
        { role: 'user', content: 'First?' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'Now list three colours as json' },
      ],
    });
    const response = await routes.run.POST(post(session, '/api/playground/run', input));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const events = await readEvents(response);
    const run = assembleRun(events);

    const received = app.simulator.recorder.last();
    // What the route reports it sent, and what the upstream really received, are the same body…
    expect(received?.body).toEqual(run.request?.body);
    // …and both equal what the browser builds from the same state for its code view and inspector.
    const { spec, target } = await targetFor(session);
    const built = buildUpstreamRequest(input, spec, target);
    expect(run.request?.body).toEqual(built.body);
    expect(new URL(run.request!.url).pathname).toBe(new URL(built.url).pathname);
    expect(received?.body).toMatchObject({
      model: 'deepseek-flash',
      thinking: { type: 'disabled' },
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 300,
      stop: ['END', '###'],
      response_format: { type: 'json_object' },
      stream: true,
      stream_options: { include_usage: true },
    });
    // Credentials never reach the browser: the shown request carries placeholders only.
    expect(JSON.stringify(events)).not.toContain('sk-simulator-offline');
    expect(run.request?.headers.authorization).toBe('Bearer <DEEPSEEK_API_KEY>');

    expect(run.status).toBe(200);
    expect(events.filter((event) => event.type === 'sse').length).toBeGreaterThan(3);
    expect(run.content.length).toBeGreaterThan(0);
    expect(run.finishReason).toBe('stop');
    expect(run.usage?.promptTokens).toBeGreaterThan(0);
    expect(run.usage?.outputTokens).toBeGreaterThan(0);
    expect(run.requestId).toBe(received?.id);
    expect(run.done).toBe(true);

    const rows = await usageRows(session.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'complete', model: 'deepseek-flash', conversationId: null });
    expect(rows[0]?.outputTokens).toBe(run.usage?.outputTokens);
  });

  it('drops temperature and top_p while thinking and streams reasoning before the answer', async () => {
    const session = await app.signIn('user');
    const events = await readEvents(
      await routes.run.POST(
        post(session, '/api/playground/run', state({ thinking: true, effort: 'low', temperature: 1.2, topP: 0.5 })),
      ),
    );
    const body = app.simulator.recorder.last()?.body as Record<string, unknown>;
    expect(body.thinking).toEqual({ type: 'enabled' });
    expect(body.reasoning_effort).toBe('low');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    const run = assembleRun(events);
    expect(run.reasoning.length).toBeGreaterThan(0);
    expect(run.content.length).toBeGreaterThan(0);
    expect(run.usage?.reasoningTokens).toBeGreaterThan(0);
  });

  it('continues a final assistant message through the /beta prefix-completion endpoint', async () => {
    const session = await app.signIn('user');
    const input = state({
      messages: [
        { role: 'user', content: 'Write a haiku' },
        { role: 'assistant', content: 'Autumn moon' },
      ],
    });
    const events = await readEvents(await routes.run.POST(post(session, '/api/playground/run', input)));
    const received = app.simulator.recorder.last();
    expect(received?.path).toBe('/beta/chat/completions');
    expect((received?.body as { messages?: unknown[] } | undefined)?.messages?.at(-1)).toEqual({
      role: 'assistant',
      content: 'Autumn moon',
      prefix: true,
    });
    expect(assembleRun(events).error).toBeUndefined();
  });

  it.each([
    ['temperature out of range', state({ temperature: 2.5 }), 'bad_request:params'],
    ['top_p out of range', state({ topP: -0.1 }), 'bad_request:params'],
    ['max_tokens above the model', state({ maxTokens: 10_000_000 }), 'bad_request:params'],
    [
      'more than 16 stop sequences',
      state({ stop: Array.from({ length: 17 }, (_, i) => `s${i}`) }),
      'bad_request:params',
    ],
    ['an empty message list', state({ messages: [] }), 'bad_request:params'],
    ['penalties on a model without them', state({ frequencyPenalty: 0.5 }), 'bad_request:params'],
    ['an unknown model', state({ model: 'gpt-5' }), 'bad_request:model'],
    ['a non-numeric temperature', { ...state(), temperature: 'hot' }, 'bad_request:params'],
  ])('refuses %s with a typed 4xx and records nothing', async (_name, body, code) => {
    const session = await app.signIn('user');
    const before = app.simulator.recorder.list().length;
    const response = await routes.run.POST(post(session, '/api/playground/run', body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(app.simulator.recorder.list().length).toBe(before);
    expect(await usageRows(session.user.id)).toHaveLength(0);
  });

  it('refuses a final assistant message where the upstream has no prefix completion', async () => {
    const { checkParams: _unused, createRegistry, defaultCatalog } = await import('@/lib/models');
    const { assertRunnable } = await import('@/lib/playground/validate');
    const catalog = structuredClone(defaultCatalog);
    for (const model of catalog.models) model.parameters.prefixCompletion = false;
    const registry = createRegistry(catalog);
    const spec = registry.get('deepseek-flash')!;
    const input = state({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hel' },
      ],
    });
    expect(() => assertRunnable(registry, input, spec, { provider: 'deepseek' })).toThrow(/prefix completion/);
    expect(() =>
      assertRunnable(createRegistry(defaultCatalog), input, spec, { provider: 'openai-compatible' }),
    ).toThrow(/prefix completion/);
  });

  it('Stop (the browser aborting the request) aborts the upstream call and records an interrupted run', async () => {
    const session = await app.signIn('user');
    const controller = new AbortController();
    const request = post(
      session,
      '/api/playground/run',
      state({ messages: [{ role: 'user', content: 'Tell me a long story' }] }),
      { 'x-simulator-fault': 'chunk-delay=25;chunks=400' },
    );
    const response = await routes.run.POST(new Request(request, { signal: controller.signal }));
    const events = await readEvents(response, (seen) => {
      const sse = seen.filter((event) => event.type === 'sse').length;
      if (sse > 5) controller.abort();
      return sse > 5;
    });
    expect(events.some((event) => event.type === 'sse')).toBe(true);
    const upstream = await app.simulator.recorder.waitFor((entry) => entry.aborted && entry.fault !== undefined);
    expect(upstream.completed).toBe(false);
    const rows = await waitForRows(session.user.id, 1);
    expect(rows[0]?.status).toBe('interrupted');
  });

  it('reports an upstream failure as a typed error event (fault header forwarded offline)', async () => {
    const session = await app.signIn('user');
    const events = await readEvents(
      await routes.run.POST(post(session, '/api/playground/run', state(), { 'x-simulator-fault': 'status=503' })),
    );
    const run = assembleRun(events);
    expect(run.status).toBe(503);
    expect(run.error?.code).toBe('upstream_unavailable:upstream');
    expect(run.done).toBe(true);
    const rows = await waitForRows(session.user.id, 1);
    expect(rows[0]?.status).toBe('error');
    expect(rows[0]?.totalTokens).toBe(0);
  });
});

describe('presets', () => {
  it('lists built-ins, saves, renames and deletes the caller’s own, scoped to the owner', async () => {
    const alice = await app.signIn('user');
    const bob = await app.signIn('user');
    const list = async (session: TestSession) =>
      (
        (await (await routes.presets.GET(session.request(`${app.base}/api/presets`))).json()) as {
          items: { id: string; name: string; builtIn: boolean }[];
        }
      ).items;
    expect((await list(alice)).map((item) => item.name)).toEqual(['Deterministic', 'Creative', 'JSON extraction']);

    const { model: _model, system: _system, messages: _messages, ...rest } = state({ temperature: 0.2 });
    const params = { model: 'deepseek-flash', ...rest };
    const created = await routes.presets.POST(post(alice, '/api/presets', { name: 'Terse', params }));
    expect(created.status).toBe(201);
    const preset = (await created.json()) as { id: string; params: { temperature: number } };
    expect(preset.params.temperature).toBe(0.2);
    const duplicate = await routes.presets.POST(post(alice, '/api/presets', { name: 'Terse', params }));
    expect(duplicate.status).toBe(409);

    const patch = (session: TestSession, id: string, body: unknown) =>
      routes.preset.PATCH(
        session.request(`${app.base}/api/presets/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        app.params({ id }),
      );
    const remove = (session: TestSession, id: string) =>
      routes.preset.DELETE(session.request(`${app.base}/api/presets/${id}`, { method: 'DELETE' }), app.params({ id }));

    expect((await patch(bob, preset.id, { name: 'Mine now' })).status).toBe(404);
    expect((await remove(bob, preset.id)).status).toBe(404);
    expect((await list(bob)).some((item) => item.id === preset.id)).toBe(false);
    expect((await patch(alice, 'builtin:creative', { name: 'x' })).status).toBe(403);
    expect((await patch(alice, preset.id, { params: { ...params, temperature: 9 } })).status).toBe(200);
    expect((await patch(alice, preset.id, { name: '' })).status).toBe(400);

    const renamed = await patch(alice, preset.id, { name: 'Very terse' });
    expect(((await renamed.json()) as { name: string }).name).toBe('Very terse');
    expect((await list(alice)).map((item) => item.name)).toContain('Very terse');
    expect((await remove(alice, preset.id)).status).toBe(204);
    expect((await list(alice)).some((item) => item.id === preset.id)).toBe(false);
  });
});

describe('POST /api/playground/open', () => {
  it('turns the playground conversation and its answer into a stored conversation', async () => {
    const session = await app.signIn('user');
    const input = state({ system: 'Be brief.', messages: [{ role: 'user', content: 'Name a colour' }] });
    const response = await routes.open.POST(
      post(session, '/api/playground/open', { state: input, answer: { reasoning: '', content: 'Teal.' } }),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const stored = await session.getConversation(id);
    expect(stored.status).toBe(200);
    expect(stored.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(JSON.stringify(stored.body.messages[1]?.parts)).toContain('Teal.');
    expect((stored.body.conversation as { systemPrompt: string }).systemPrompt).toBe('Be brief.');
    const other = await app.signIn('user');
    expect((await other.getConversation(id)).status).toBe(404);
  });
});

async function targetFor(session: TestSession) {
  const { serverTarget } = await import('@/lib/playground/run');
  const { getRegistry } = await import('@/lib/models/load');
  return { spec: getRegistry().get('deepseek-flash')!, target: serverTarget(session.user.id) };
}

async function waitForRows(userId: string, count: number) {
  for (let i = 0; i < 200; i++) {
    const rows = await usageRows(userId);
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('usage was not recorded');
}
