import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, MessageUsage } from '@/lib/chat/types';
import { createTestUser, describeEachDatabase, textMessage } from '@/tests/support/db';
import { type Conversation, conversations, messages, type User } from '../schema';
import { createConversation, listConversations } from './conversations';
import { appendUserMessage, listMessages, replaceUserMessage, saveAssistantMessage, truncateFrom } from './messages';

const usage: MessageUsage = {
  inputTokens: 12,
  cacheHitTokens: 4,
  cacheMissTokens: 8,
  outputTokens: 30,
  reasoningTokens: 20,
  totalTokens: 42,
};

/** An assistant answer with reasoning, as the stream leaves it, and awkward JSON throughout. */
const reasoningAnswer = (id: string = randomUUID()): ChatMessage => ({
  id,
  role: 'assistant',
  parts: [
    { type: 'step-start' },
    {
      type: 'reasoning',
      text: 'First, 2 + 2…\n\tthen "quote" \\ backslash, emoji 🧠, RTL שלום',
      state: 'done',
      providerMetadata: { deepseek: { nested: { list: [1, 2.5, -0.125, null, true], empty: {} } } },
    },
    { type: 'text', text: '', state: 'done' },
    { type: 'text', text: '**4**\n\n```ts\nconst x = 4;\n```', state: 'done' },
  ],
  metadata: { model: 'deepseek-reasoner', thinking: true, usage, timing: { startedAt: 1, firstTokenMs: 300 } },
});

const codes = (code: string) => expect.objectContaining({ name: 'AppError', code });

describeEachDatabase('messages queries', (t) => {
  let alice: User;
  let bob: User;
  let chat: Conversation;
  beforeEach(async () => {
    alice = await createTestUser(t.db);
    bob = await createTestUser(t.db);
    chat = await createConversation(t.db, alice.id, { title: 'Chat', model: 'deepseek-chat', params: {} });
  });

  const rows = (conversationId = chat.id) =>
    t.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.position));
  const conversationRow = async () =>
    (await t.db.select().from(conversations).where(eq(conversations.id, chat.id)))[0]!;

  /** A user turn and an answer in Alice's chat. */
  async function seedTurns(count: number): Promise<ChatMessage[]> {
    const stored: ChatMessage[] = [];
    for (let i = 0; i < count; i++) {
      stored.push((await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', `q${i}`)))!);
      stored.push(
        (await saveAssistantMessage(t.db, alice.id, chat.id, textMessage('assistant', `a${i}`), 'complete'))!,
      );
    }
    return stored;
  }

  describe('appendUserMessage', () => {
    it('appends at the next position, links the parent and bumps updatedAt', async () => {
      const first = await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'one'));
      const second = await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'two'));
      expect(first?.metadata?.status).toBe('complete');
      const stored = await rows();
      expect(stored.map((row) => [row.id, row.position, row.parentId])).toEqual([
        [first!.id, 0, null],
        [second!.id, 1, first!.id],
      ]);
      expect((await conversationRow()).updatedAt.getTime()).toBeGreaterThanOrEqual(chat.updatedAt.getTime());
      expect(stored.every((row) => row.ownerId === alice.id && row.role === 'user')).toBe(true);
    });

    it('moves the conversation to the top of the list', async () => {
      const newer = await createConversation(t.db, alice.id, { title: 'Newer', model: 'm', params: {} });
      const old = new Date(Date.now() - 60_000);
      await t.db.update(conversations).set({ updatedAt: old }).where(eq(conversations.id, chat.id));
      expect((await listConversations(t.db, alice.id)).items.map((c) => c.id)).toEqual([newer.id, chat.id]);
      await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'back again'));
      expect((await listConversations(t.db, alice.id)).items.map((c) => c.id)).toEqual([chat.id, newer.id]);
    });

    it('gives concurrent appends to one conversation distinct positions', async () => {
      const sent = Array.from({ length: 8 }, (_, i) => textMessage('user', `m${i}`));
      await Promise.all(sent.map((message) => appendUserMessage(t.db, alice.id, chat.id, message)));
      const stored = await rows();
      expect(stored.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(new Set(stored.map((row) => row.id))).toEqual(new Set(sent.map((message) => message.id)));
    });

    it('stores a retried message once', async () => {
      const message = textMessage('user', 'once');
      const first = await appendUserMessage(t.db, alice.id, chat.id, message);
      expect(await appendUserMessage(t.db, alice.id, chat.id, message)).toEqual(first);
      expect(await rows()).toHaveLength(1);
    });

    it('refuses a message id used in another conversation, and non-user messages', async () => {
      const other = await createConversation(t.db, alice.id, { title: 'Other', model: 'm', params: {} });
      const message = textMessage('user', 'hi');
      await appendUserMessage(t.db, alice.id, other.id, message);
      await expect(appendUserMessage(t.db, alice.id, chat.id, message)).rejects.toEqual(codes('conflict:message'));
      await expect(appendUserMessage(t.db, alice.id, chat.id, textMessage('assistant', 'x'))).rejects.toEqual(
        codes('bad_request:message'),
      );
      expect(await rows()).toEqual([]);
    });

    it("treats another user's conversation as unknown and changes nothing", async () => {
      await seedTurns(1);
      const before = { rows: await rows(), conversation: await conversationRow() };
      expect(await appendUserMessage(t.db, bob.id, chat.id, textMessage('user', 'intruder'))).toBeUndefined();
      expect(await appendUserMessage(t.db, bob.id, randomUUID(), textMessage('user', 'lost'))).toBeUndefined();
      expect({ rows: await rows(), conversation: await conversationRow() }).toEqual(before);
    });
  });

  describe('listMessages', () => {
    it('lists in position order with the status from its column', async () => {
      const stored = await seedTurns(2);
      const listed = await listMessages(t.db, alice.id, chat.id);
      expect(listed).toEqual(stored);
      expect(listed.map((message) => message.metadata?.status)).toEqual(Array(4).fill('complete'));
      expect(listed.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    });

    it('round-trips reasoning parts and metadata exactly', async () => {
      const answer = reasoningAnswer();
      await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'What is 2 + 2?'));
      await saveAssistantMessage(t.db, alice.id, chat.id, answer, 'complete', { model: 'deepseek-reasoner', usage });
      const [, listed] = await listMessages(t.db, alice.id, chat.id);
      expect(listed).toStrictEqual(
        JSON.parse(JSON.stringify({ ...answer, metadata: { ...answer.metadata, status: 'complete' } })),
      );
    });

    it('stores a NUL character as U+FFFD instead of failing the save', async () => {
      const saved = await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'a\u0000b'));
      expect(saved?.parts).toEqual([{ type: 'text', text: 'a\uFFFDb' }]);
    });

    it("is empty for another user's or an unknown conversation", async () => {
      await seedTurns(1);
      expect(await listMessages(t.db, bob.id, chat.id)).toEqual([]);
      expect(await listMessages(t.db, alice.id, randomUUID())).toEqual([]);
    });
  });

  describe('saveAssistantMessage', () => {
    it('inserts, then updates the same message in place when saved again', async () => {
      await appendUserMessage(t.db, alice.id, chat.id, textMessage('user', 'q'));
      const partial: ChatMessage = { id: 'answer-1', role: 'assistant', parts: [{ type: 'text', text: 'Half' }] };
      const first = await saveAssistantMessage(t.db, alice.id, chat.id, partial, 'interrupted', {
        model: 'deepseek-chat',
      });
      expect(first?.metadata?.status).toBe('interrupted');

      const full = reasoningAnswer('answer-1');
      await saveAssistantMessage(t.db, alice.id, chat.id, full, 'complete', { usage });
      const stored = await rows();
      expect(stored).toHaveLength(2);
      expect(stored[1]).toMatchObject({
        id: 'answer-1',
        position: 1,
        status: 'complete',
        model: 'deepseek-chat',
        usage,
      });
      expect((await listMessages(t.db, alice.id, chat.id))[1]?.parts).toEqual(full.parts);
    });

    it('records an error with its metadata', async () => {
      const failed: ChatMessage = {
        ...textMessage('assistant', 'partial'),
        metadata: { error: { code: 'upstream_interrupted:chat', message: 'cut off' } },
      };
      const saved = await saveAssistantMessage(t.db, alice.id, chat.id, failed, 'error');
      expect(saved?.metadata).toEqual({ error: failed.metadata?.error, status: 'error' });
    });

    it('refuses user messages and ids of other conversations', async () => {
      const [question] = await seedTurns(1);
      await expect(saveAssistantMessage(t.db, alice.id, chat.id, question!, 'complete')).rejects.toEqual(
        codes('bad_request:message'),
      );
      const other = await createConversation(t.db, alice.id, { title: 'Other', model: 'm', params: {} });
      const [, answer] = await listMessages(t.db, alice.id, chat.id);
      await expect(saveAssistantMessage(t.db, alice.id, other.id, answer!, 'complete')).rejects.toEqual(
        codes('conflict:message'),
      );
    });

    it("does not save into, or overwrite, another user's messages", async () => {
      const [, answer] = await seedTurns(1);
      const before = { rows: await rows(), conversation: await conversationRow() };
      const forged = { ...answer!, parts: [{ type: 'text' as const, text: 'forged' }] };
      expect(await saveAssistantMessage(t.db, bob.id, chat.id, forged, 'complete')).toBeUndefined();
      const bobsChat = await createConversation(t.db, bob.id, { title: 'Bob', model: 'm', params: {} });
      await expect(saveAssistantMessage(t.db, bob.id, bobsChat.id, forged, 'complete')).rejects.toEqual(
        codes('conflict:message'),
      );
      expect({ rows: await rows(), conversation: await conversationRow() }).toEqual(before);
      expect(await rows(bobsChat.id)).toEqual([]);
    });
  });

  describe('truncateFrom', () => {
    it('deletes from a message on (inclusive) or after it (exclusive)', async () => {
      const stored = await seedTurns(3);
      expect(await truncateFrom(t.db, alice.id, chat.id, stored[3]!.id, { inclusive: false })).toBe(2);
      expect((await listMessages(t.db, alice.id, chat.id)).map((m) => m.id)).toEqual(
        stored.slice(0, 4).map((m) => m.id),
      );
      expect(await truncateFrom(t.db, alice.id, chat.id, stored[2]!.id, { inclusive: true })).toBe(2);
      expect((await listMessages(t.db, alice.id, chat.id)).map((m) => m.id)).toEqual(
        stored.slice(0, 2).map((m) => m.id),
      );
      expect(await truncateFrom(t.db, alice.id, chat.id, stored[1]!.id, { inclusive: false })).toBe(0);
    });

    it('appends after the cut at the next free position', async () => {
      const stored = await seedTurns(2);
      await truncateFrom(t.db, alice.id, chat.id, stored[1]!.id, { inclusive: true });
      const regenerated = await saveAssistantMessage(
        t.db,
        alice.id,
        chat.id,
        textMessage('assistant', 'again'),
        'complete',
      );
      const after = await rows();
      expect(after.map((row) => row.position)).toEqual([0, 1]);
      expect(after[1]).toMatchObject({ id: regenerated!.id, parentId: stored[0]!.id });
    });

    it('returns undefined for an unknown message or conversation', async () => {
      await seedTurns(1);
      expect(await truncateFrom(t.db, alice.id, chat.id, 'nope', { inclusive: true })).toBeUndefined();
      expect(await truncateFrom(t.db, alice.id, randomUUID(), 'nope', { inclusive: true })).toBeUndefined();
    });

    it("does not truncate another user's conversation", async () => {
      const stored = await seedTurns(2);
      const before = { rows: await rows(), conversation: await conversationRow() };
      expect(await truncateFrom(t.db, bob.id, chat.id, stored[0]!.id, { inclusive: true })).toBeUndefined();
      const bobsChat = await createConversation(t.db, bob.id, { title: 'Bob', model: 'm', params: {} });
      expect(await truncateFrom(t.db, bob.id, bobsChat.id, stored[0]!.id, { inclusive: true })).toBeUndefined();
      expect({ rows: await rows(), conversation: await conversationRow() }).toEqual(before);
    });
  });

  describe('replaceUserMessage', () => {
    it('edits the user message in place and drops everything after it', async () => {
      const stored = await seedTurns(3);
      const edited = { ...textMessage('user', 'q1, edited'), metadata: { createdAt: 5 } };
      const saved = await replaceUserMessage(t.db, alice.id, chat.id, stored[2]!.id, edited);
      expect(saved).toEqual({
        id: stored[2]!.id,
        role: 'user',
        parts: edited.parts,
        metadata: { createdAt: 5, status: 'complete' },
      });
      expect(await listMessages(t.db, alice.id, chat.id)).toEqual([stored[0], stored[1], saved]);
      expect((await rows())[2]?.position).toBe(2);
    });

    it('refuses to edit an assistant message', async () => {
      const stored = await seedTurns(1);
      await expect(
        replaceUserMessage(t.db, alice.id, chat.id, stored[1]!.id, textMessage('user', 'x')),
      ).rejects.toEqual(codes('bad_request:message'));
      expect(await listMessages(t.db, alice.id, chat.id)).toEqual(stored);
    });

    it('returns undefined for an unknown message', async () => {
      await seedTurns(1);
      expect(await replaceUserMessage(t.db, alice.id, chat.id, 'nope', textMessage('user', 'x'))).toBeUndefined();
    });

    it("does not edit another user's message", async () => {
      const stored = await seedTurns(2);
      const before = { rows: await rows(), conversation: await conversationRow() };
      const edit = textMessage('user', 'forged');
      expect(await replaceUserMessage(t.db, bob.id, chat.id, stored[0]!.id, edit)).toBeUndefined();
      const bobsChat = await createConversation(t.db, bob.id, { title: 'Bob', model: 'm', params: {} });
      expect(await replaceUserMessage(t.db, bob.id, bobsChat.id, stored[0]!.id, edit)).toBeUndefined();
      expect({ rows: await rows(), conversation: await conversationRow() }).toEqual(before);
    });
  });
});
