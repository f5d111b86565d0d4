import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createTestUser, describeEachDatabase } from '@/tests/support/db';
import { type Conversation, conversations, messages, type User, users } from '../schema';
import {
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  renameConversation,
  setAutoTitle,
  updateConversationSettings,
} from './conversations';

const input = { title: 'New chat', model: 'deepseek-chat', params: { temperature: 0.7, stop: ['END'] } };

function expectAppError(code: string) {
  return expect.objectContaining({ name: 'AppError', code });
}

describeEachDatabase('conversations queries', (t) => {
  let alice: User;
  let bob: User;
  beforeEach(async () => {
    alice = await createTestUser(t.db);
    bob = await createTestUser(t.db);
  });

  /** A message written straight to the table; message writes are tested in messages.test.ts. */
  async function addMessage(owner: User, conversationId: string) {
    const [row] = await t.db
      .insert(messages)
      .values({ id: randomUUID(), conversationId, ownerId: owner.id, position: 0, role: 'user', parts: [] })
      .returning();
    return row!;
  }
  const messagesOf = (conversationId: string) =>
    t.db.select().from(messages).where(eq(messages.conversationId, conversationId));

  /** Alice's conversation as stored, to check that Bob's attempts changed nothing. */
  const stored = async (id: string) => (await t.db.select().from(conversations).where(eq(conversations.id, id)))[0];

  describe('create and get', () => {
    it('creates with defaults and reads it back', async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect(created).toMatchObject({ ...input, ownerId: alice.id, titleSource: 'auto', systemPrompt: null });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.updatedAt).toBeInstanceOf(Date);
      expect(await getConversation(t.db, alice.id, created.id)).toEqual(created);
    });

    it('keeps the context id and system prompt it is given', async () => {
      const id = randomUUID();
      const created = await createConversation(t.db, alice.id, { ...input, id, systemPrompt: 'Be brief.' });
      expect(created).toMatchObject({ id, systemPrompt: 'Be brief.' });
    });

    it('refuses an id that is taken, by the same user or another, without touching the row', async () => {
      const created = await createConversation(t.db, alice.id, input);
      await expect(createConversation(t.db, alice.id, { ...input, id: created.id })).rejects.toEqual(
        expectAppError('conflict:conversation'),
      );
      await expect(
        createConversation(t.db, bob.id, { ...input, id: created.id, title: 'Bob was here' }),
      ).rejects.toBeInstanceOf(AppError);
      expect(await stored(created.id)).toEqual(created);
    });

    it("gives another user's conversation the same answer as an unknown id", async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect(await getConversation(t.db, bob.id, created.id)).toBeUndefined();
      expect(await getConversation(t.db, bob.id, randomUUID())).toBeUndefined();
    });
  });

  describe('list', () => {
    /** 50 conversations with spread-out and tied updatedAt values, newest first by (updatedAt, id). */
    async function seed(owner: User, count: number): Promise<Conversation[]> {
      const base = Date.UTC(2026, 0, 1);
      for (let i = 0; i < count; i++) {
        const created = await createConversation(t.db, owner.id, { ...input, title: `chat ${i}` });
        // Groups of three share a timestamp so the id tie-break is exercised.
        const updatedAt = new Date(base + Math.floor(i / 3) * 60_000);
        await t.db.update(conversations).set({ updatedAt }).where(eq(conversations.id, created.id));
      }
      const rows = await t.db.select().from(conversations).where(eq(conversations.ownerId, owner.id));
      return rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1));
    }

    it('pages through 50 conversations in order, without duplicates or gaps', async () => {
      const expected = await seed(alice, 50);
      await seed(bob, 4);

      const seen: Conversation[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listConversations(t.db, alice.id, { limit: 7, cursor });
        expect(page.items.length).toBeLessThanOrEqual(7);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);

      expect(pages).toBe(8);
      expect(seen.map((row) => row.id)).toEqual(expected.map((row) => row.id));
      expect(new Set(seen.map((row) => row.id)).size).toBe(50);
      expect(seen.every((row) => row.ownerId === alice.id)).toBe(true);
    });

    it('returns 30 by default and null as the last cursor', async () => {
      await seed(alice, 31);
      const first = await listConversations(t.db, alice.id);
      expect(first.items).toHaveLength(30);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await listConversations(t.db, alice.id, { cursor: first.nextCursor! });
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
    });

    it('returns an empty page for a user without conversations', async () => {
      expect(await listConversations(t.db, bob.id)).toEqual({ items: [], nextCursor: null });
    });

    it("never reaches another user's rows through a cursor", async () => {
      await seed(alice, 10);
      const bobs = await seed(bob, 3);
      const alicePage = await listConversations(t.db, alice.id, { limit: 2 });
      const bobPage = await listConversations(t.db, bob.id, { limit: 100, cursor: alicePage.nextCursor! });
      expect(bobPage.items.every((row) => row.ownerId === bob.id)).toBe(true);
      expect(bobPage.items.map((row) => row.id)).toEqual(
        bobs.map((row) => row.id).filter((id) => bobPage.items.some((row) => row.id === id)),
      );
    });

    it.each([
      ['not base64', '%%%'],
      ['not JSON', Buffer.from('hello').toString('base64url')],
      ['the wrong shape', Buffer.from(JSON.stringify({ updatedAt: 1, id: 'x' })).toString('base64url')],
      ['a negative time', Buffer.from(JSON.stringify([-1, 'x'])).toString('base64url')],
      ['an empty id', Buffer.from(JSON.stringify([1, ''])).toString('base64url')],
      ['trailing garbage', `${Buffer.from(JSON.stringify([1, 'x'])).toString('base64url')}.!`],
      ['an empty string', ''],
    ])('rejects a cursor that is %s with bad_request', async (_label, cursor) => {
      await expect(listConversations(t.db, alice.id, { cursor })).rejects.toEqual(
        expectAppError('bad_request:conversation'),
      );
    });

    it.each([0, 101, 2.5])('rejects a page size of %s', async (limit) => {
      await expect(listConversations(t.db, alice.id, { limit })).rejects.toEqual(
        expectAppError('bad_request:conversation'),
      );
    });
  });

  describe('rename, settings and auto titles', () => {
    it('renames, marks the title as the user’s, and leaves the list order alone', async () => {
      const created = await createConversation(t.db, alice.id, input);
      const renamed = await renameConversation(t.db, alice.id, created.id, 'Trip plans');
      expect(renamed).toEqual({ ...created, title: 'Trip plans', titleSource: 'user' });
    });

    it('does not rename for another user', async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect(await renameConversation(t.db, bob.id, created.id, 'Mine now')).toBeUndefined();
      expect(await renameConversation(t.db, bob.id, randomUUID(), 'Mine now')).toBeUndefined();
      expect(await stored(created.id)).toEqual(created);
    });

    it('sets an automatic title only while the user has not named it', async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect((await setAutoTitle(t.db, alice.id, created.id, 'Paris in May'))?.title).toBe('Paris in May');
      await renameConversation(t.db, alice.id, created.id, 'Mine');
      expect(await setAutoTitle(t.db, alice.id, created.id, 'Overwritten?')).toBeUndefined();
      expect((await stored(created.id))?.title).toBe('Mine');
    });

    it('does not set an automatic title for another user', async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect(await setAutoTitle(t.db, bob.id, created.id, 'Bob title')).toBeUndefined();
      expect(await stored(created.id)).toEqual(created);
    });

    it('updates only the settings given; null clears the system prompt', async () => {
      const created = await createConversation(t.db, alice.id, { ...input, systemPrompt: 'Be brief.' });
      const changed = await updateConversationSettings(t.db, alice.id, created.id, {
        model: 'deepseek-reasoner',
        params: { thinking: true },
      });
      expect(changed).toEqual({ ...created, model: 'deepseek-reasoner', params: { thinking: true } });
      const cleared = await updateConversationSettings(t.db, alice.id, created.id, { systemPrompt: null });
      expect(cleared?.systemPrompt).toBeNull();
      expect(await updateConversationSettings(t.db, alice.id, created.id, {})).toEqual(cleared);
    });

    it('does not update settings for another user', async () => {
      const created = await createConversation(t.db, alice.id, input);
      expect(await updateConversationSettings(t.db, bob.id, created.id, { model: 'x', systemPrompt: 'y' })).toBe(
        undefined,
      );
      expect(await updateConversationSettings(t.db, bob.id, created.id, {})).toBeUndefined();
      expect(await stored(created.id)).toEqual(created);
    });
  });

  describe('delete', () => {
    it('deletes the conversation and its messages', async () => {
      const created = await createConversation(t.db, alice.id, input);
      await addMessage(alice, created.id);
      expect(await deleteConversation(t.db, alice.id, created.id)).toBe(true);
      expect(await getConversation(t.db, alice.id, created.id)).toBeUndefined();
      expect(await messagesOf(created.id)).toEqual([]);
      expect(await deleteConversation(t.db, alice.id, created.id)).toBe(false);
    });

    it('does not delete for another user', async () => {
      const created = await createConversation(t.db, alice.id, input);
      const message = await addMessage(alice, created.id);
      const before = await stored(created.id);
      expect(await deleteConversation(t.db, bob.id, created.id)).toBe(false);
      expect(await stored(created.id)).toEqual(before);
      expect(await messagesOf(created.id)).toEqual([message]);
    });

    it('cannot hold a message whose owner differs from its conversation’s', async () => {
      const created = await createConversation(t.db, alice.id, input);
      await expect(addMessage(bob, created.id)).rejects.toThrow();
      expect(await messagesOf(created.id)).toEqual([]);
    });

    it('goes with its owner', async () => {
      const carol = await createTestUser(t.db);
      const created = await createConversation(t.db, carol.id, input);
      await addMessage(carol, created.id);
      await t.db.delete(users).where(eq(users.id, carol.id));
      expect(await t.db.$count(conversations, eq(conversations.id, created.id))).toBe(0);
      expect(await messagesOf(created.id)).toEqual([]);
    });
  });
});
