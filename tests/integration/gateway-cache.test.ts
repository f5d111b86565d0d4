import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/lib/db/schema';
import { loadApp, type TestSession, textOf, userMessage } from '../support/app';
import { collectUIStream } from '../support/ui-stream';

/** Response cache, PII redaction and the output filter through the chat route. */

let app: Awaited<ReturnType<typeof loadApp>>;

beforeAll(async () => {
  app = await loadApp({ env: { PII_REDACTION: 'true', OUTPUT_FILTER_WORDS: 'zanzibar, 机密' } });
});

let counter = 0;
const fresh = (text: string) => `${text} #${Date.now().toString(36)}${(counter++).toString(36)}`;
const upstreamCalls = () =>
  app.simulator.recorder.list().filter((call) => call.path.endsWith('/chat/completions')).length;

async function ask(session: TestSession, text: string, options: { params?: object; cache?: boolean } = {}) {
  const response = await session.postChat({
    message: userMessage(text),
    model: 'deepseek-flash',
    params: options.params ?? { thinking: false, temperature: 0 },
    ...(options.cache === undefined ? {} : { cache: options.cache }),
  });
  expect(response.status).toBe(200);
  const conversationId = response.headers.get('x-conversation-id') ?? '';
  const stream = await collectUIStream(response);
  await app.waitUntilSaved(conversationId);
  return {
    cache: response.headers.get('x-cache'),
    stream,
    conversationId,
    requestId: response.headers.get('x-request-id'),
  };
}

describe('response cache', () => {
  it('miss, then hit: the same answer replayed as a stream, no upstream call, labelled cached', async () => {
    const text = fresh('What is the capital of France?');
    const first = await ask(app.session, text);
    expect(first.cache).toBe('MISS');
    const calls = upstreamCalls();
    const second = await ask(app.session, text);
    expect(second.cache).toBe('HIT');
    expect(upstreamCalls()).toBe(calls);
    expect(second.stream.text).toBe(first.stream.text);
    expect(second.stream.metadata.cached).toBe(true);
    expect(second.stream.metadata.status).toBe('complete');
    expect(second.stream.metadata.usage?.outputTokens).toBe(0); // it cost nothing this time
    const stored = (await app.getConversation(second.conversationId)).body.messages[1];
    expect(stored?.metadata?.cached).toBe(true);
    expect(textOf(stored)).toBe(first.stream.text);
    const [row] = await app.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, second.requestId ?? ''));
    expect(row?.cacheStatus).toBe('HIT');
  });

  it('is never shared across users', async () => {
    const text = fresh('Tell me about caching');
    expect((await ask(app.session, text)).cache).toBe('MISS');
    const other = await app.signIn('user');
    expect((await ask(other, text)).cache).toBe('MISS');
    expect((await ask(other, text)).cache).toBe('HIT');
  });

  it('bypasses non-deterministic requests unless opted in, and regenerations', async () => {
    const text = fresh('Write a haiku');
    expect((await ask(app.session, text, { params: { thinking: false, temperature: 0.7 } })).cache).toBe('BYPASS');
    expect((await ask(app.session, text, { params: { thinking: true } })).cache).toBe('BYPASS');
    expect((await ask(app.session, text, { params: { thinking: false, temperature: 0.7 }, cache: true })).cache).toBe(
      'MISS',
    );
    expect((await ask(app.session, text, { params: { thinking: false, temperature: 0.7 }, cache: true })).cache).toBe(
      'HIT',
    );
  });

  it('ten concurrent identical misses make one upstream call', async () => {
    const session = await app.signIn('user');
    await app.db
      .update(users)
      .set({ limitOverrides: { concurrentStreams: 20, requestsPerMinute: 100 } })
      .where(eq(users.id, session.user.id));
    const text = fresh('Explain single flight');
    const calls = upstreamCalls();
    const results = await Promise.all(Array.from({ length: 10 }, () => ask(session, text)));
    expect(upstreamCalls()).toBe(calls + 1);
    expect(results.filter((result) => result.cache === 'MISS')).toHaveLength(1);
    expect(results.filter((result) => result.cache === 'HIT')).toHaveLength(9);
    expect(new Set(results.map((result) => result.stream.text)).size).toBe(1);
  });
});

describe('PII redaction (PII_REDACTION=true)', () => {
  it('replaces PII before it is stored or sent upstream, and tells the user what was replaced', async () => {
    const { conversationId } = await ask(app.session, 'Call me at 13812345678 or mail wei@example.com', {
      params: { thinking: false },
    });
    const sent = JSON.stringify(app.simulator.recorder.last()?.body);
    expect(sent).not.toContain('13812345678');
    expect(sent).not.toContain('wei@example.com');
    expect(sent).toContain('[phone]');
    const question = (await app.getConversation(conversationId)).body.messages[0];
    expect(textOf(question)).toBe('Call me at [phone] or mail [email]');
    expect(question?.metadata?.redactions).toEqual([
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
    ]);
  });
});

describe('output filter (OUTPUT_FILTER_WORDS)', () => {
  it('masks listed words as the answer streams, marks the answer flagged and audits it', async () => {
    // The simulator quotes the question back, so the answer contains the words.
    const { stream, conversationId, requestId } = await ask(app.session, 'Is Zanzibar 机密?', {
      params: { thinking: false },
    });
    expect(stream.text).not.toMatch(/zanzibar|机密/i);
    expect(stream.text).toContain('********');
    expect(stream.metadata.flagged).toBe(true);
    const answer = (await app.getConversation(conversationId)).body.messages[1];
    expect(answer?.metadata?.flagged).toBe(true);
    expect(textOf(answer)).toBe(stream.text);
    const [row] = await app.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, requestId ?? ''));
    expect(row?.flagged).toBe(true);
  });
});
