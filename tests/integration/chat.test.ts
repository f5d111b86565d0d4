import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  app = await loadApp();
});

describe('a conversation kept by context id', () => {
  it('sends only the new message each turn while the upstream sees the whole history', async () => {
    const first = await app.turn('What is a monad?');
    const id = first.conversationId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.stream.text).toContain('What is a monad?');
    expect(first.stream.metadata.conversationId).toBe(id);
    expect(first.stream.metadata.status).toBe('complete');

    const second = await app.turn('Give me an example in Haskell', { id });
    const third = await app.turn('And in TypeScript?', { id });
    expect(third.conversationId).toBe(id);

    const upstreamBody = app.simulator.recorder.last()?.body as { messages: { role: string; content: unknown }[] };
    expect(upstreamBody.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    expect(JSON.stringify(upstreamBody.messages[0])).toContain('What is a monad?');
    expect(JSON.stringify(upstreamBody.messages[2])).toContain('Give me an example in Haskell');
    // The earlier answers travel back exactly as they were stored.
    expect(upstreamBody.messages[3]?.content).toBe(second.stream.text);

    const stored = await app.getConversation(id);
    expect(stored.status).toBe(200);
    expect(stored.body.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const lastAnswer = stored.body.messages[5];
    expect(textOf(lastAnswer)).toBe(third.stream.text);
    expect(lastAnswer?.metadata?.status).toBe('complete');
    expect(lastAnswer?.metadata?.usage?.outputTokens).toBeGreaterThan(0);
    // The third request shares a long prefix with the second: the simulator reports cache hits.
    expect(lastAnswer?.metadata?.usage?.cacheHitTokens).toBeGreaterThan(0);
    expect(lastAnswer?.metadata?.cost?.amount).toBeGreaterThan(0);
    expect(lastAnswer?.metadata?.timing?.firstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('streams reasoning first and stores it when thinking is on', async () => {
    const { stream, conversationId } = await app.turn('Why is the sky blue?', { params: { thinking: true } });
    const types = stream.chunks.map((chunk) => chunk.type);
    expect(types.indexOf('reasoning-delta')).toBeGreaterThan(-1);
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('text-delta'));
    expect(stream.metadata.usage?.reasoningTokens).toBeGreaterThan(0);
    const stored = await app.getConversation(conversationId);
    const answer = stored.body.messages[1];
    const reasoning = answer?.parts.find((part) => part.type === 'reasoning');
    expect(reasoning && 'text' in reasoning ? reasoning.text : '').toBe(stream.reasoning);
  });

  it('titles a new conversation from its first question and lists it first', async () => {
    const { conversationId } = await app.turn('  Plan a   three-day trip to Kyoto  ');
    const response = await app.routes.conversations.GET(new Request(`${app.base}/api/conversations?limit=1`));
    const page = (await response.json()) as { items: { id: string; title: string }[]; nextCursor: string | null };
    expect(page.items[0]).toMatchObject({ id: conversationId, title: 'Plan a three-day trip to Kyoto' });
    expect(page.nextCursor).not.toBeNull();
  });
});

describe('stop, disconnect, regenerate and edit', () => {
  it('Stop aborts the upstream request and keeps the partial answer as interrupted', async () => {
    const response = await app.postChat(
      { message: userMessage('Tell me a long story'), model: 'deepseek-flash', params: { thinking: false } },
      { 'x-simulator-fault': 'chunk-delay=25;chunks=400' },
    );
    const id = response.headers.get('x-conversation-id') ?? '';
    const partial = await collectUIStream(response, (collected) => {
      if (collected.text.length > 20) {
        void app.routes.stop.POST(
          new Request(`${app.base}/api/chat/${id}/stop`, { method: 'POST' }),
          app.params({ id }),
        );
        return true;
      }
      return false;
    });
    await app.waitUntilSaved(id);

    const upstream = app.simulator.recorder.last();
    expect(upstream?.aborted).toBe(true);
    expect(upstream?.completed).toBe(false);
    const stored = await app.getConversation(id);
    const answer = stored.body.messages[1];
    expect(answer?.metadata?.status).toBe('interrupted');
    expect(textOf(answer).startsWith(partial.text)).toBe(true);
    expect(textOf(answer).length).toBeLessThan(5_000);
  });

  it('a browser that disconnects still gets its whole answer stored as complete', async () => {
    const response = await app.postChat(
      { message: userMessage('Explain TCP slow start'), model: 'deepseek-flash', params: { thinking: false } },
      { 'x-simulator-fault': 'chunk-delay=5;chunks=60' },
    );
    const id = response.headers.get('x-conversation-id') ?? '';
    await collectUIStream(response, (collected) => collected.text.length > 5);
    await app.waitUntilSaved(id);

    expect(app.simulator.recorder.last()?.completed).toBe(true);
    expect(app.simulator.recorder.last()?.aborted).toBe(false);
    const answer = (await app.getConversation(id)).body.messages[1];
    expect(answer?.metadata?.status).toBe('complete');
    expect(answer?.metadata?.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('regenerate replaces the last answer without repeating the question', async () => {
    const { conversationId: id } = await app.turn('Name a prime number', {
      params: { thinking: false, temperature: 1.5 },
    });
    const before = (await app.getConversation(id)).body.messages;
    const response = await app.postChat({
      id,
      message: before[0],
      trigger: 'regenerate-message',
      messageId: before[1]?.id,
      model: 'deepseek-flash',
      params: { thinking: false, temperature: 1.5 },
    });
    expect(response.status).toBe(200);
    await collectUIStream(response);
    await app.waitUntilSaved(id);
    const after = (await app.getConversation(id)).body.messages;
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]?.id).not.toBe(before[1]?.id);
    const sent = app.simulator.recorder.last()?.body as { messages: unknown[] };
    expect(sent.messages).toHaveLength(1);
  });

  it('editing an earlier question drops everything after it', async () => {
    const { conversationId: id } = await app.turn('First question');
    await app.turn('Second question', { id });
    const stored = (await app.getConversation(id)).body.messages;
    const edited = await app.turn('First question, edited', { id, messageId: stored[0]?.id });
    expect(edited.stream.text).toContain('First question, edited');
    const after = (await app.getConversation(id)).body.messages;
    expect(after.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(after[0]?.id).toBe(stored[0]?.id);
    expect(textOf(after[0])).toBe('First question, edited');
  });
});
