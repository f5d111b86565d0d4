import { beforeEach, expect, it } from 'vitest';
import { createTestUser, describeEachDatabase, textMessage } from '@/tests/support/db';
import type { User } from '../schema';
import { createConversationWithMessages } from './conversation-copies';
import { createConversation, getConversation, listConversations } from './conversations';
import { listMessages } from './messages';

const codes = (code: string) => expect.objectContaining({ name: 'AppError', code });

describeEachDatabase('createConversationWithMessages', (t) => {
  let alice: User;
  let bob: User;

  beforeEach(async () => {
    alice = await createTestUser(t.db);
    bob = await createTestUser(t.db);
  });

  const base = { title: 'Copied', model: 'deepseek-flash', params: { temperature: 0.3 } };

  it('stores every message in order under new ids, owned by the new owner', async () => {
    const source = [textMessage('user', 'hello'), textMessage('assistant', 'hi there'), textMessage('user', 'bye')];
    const created = await createConversationWithMessages(t.db, bob.id, {
      ...base,
      systemPrompt: 'Be brief.',
      messages: source.map((message) => ({ role: message.role, parts: message.parts, metadata: message.metadata })),
    });

    expect(await getConversation(t.db, bob.id, created.id)).toMatchObject({
      title: 'Copied',
      systemPrompt: 'Be brief.',
    });
    expect(await getConversation(t.db, alice.id, created.id)).toBeUndefined();
    const stored = await listMessages(t.db, bob.id, created.id);
    expect(stored.map((message) => [message.role, message.parts])).toEqual(
      source.map((message) => [message.role, message.parts]),
    );
    expect(stored.map((message) => message.id)).not.toEqual(expect.arrayContaining(source.map((m) => m.id)));
    expect(new Set(stored.map((message) => message.id)).size).toBe(3);
  });

  it('writes nothing when the list is empty or the id is taken', async () => {
    await expect(createConversationWithMessages(t.db, alice.id, { ...base, messages: [] })).rejects.toEqual(
      codes('bad_request:conversation'),
    );
    const existing = await createConversation(t.db, bob.id, base);
    await expect(
      createConversationWithMessages(t.db, alice.id, {
        ...base,
        id: existing.id,
        messages: [{ role: 'user', parts: [{ type: 'text', text: 'x' }] }],
      }),
    ).rejects.toEqual(codes('conflict:conversation'));
    expect((await listConversations(t.db, alice.id)).items).toEqual([]);
    expect(await listMessages(t.db, bob.id, existing.id)).toEqual([]);
  });

  it('keeps the status of interrupted answers', async () => {
    const created = await createConversationWithMessages(t.db, alice.id, {
      ...base,
      messages: [
        { role: 'user', parts: [{ type: 'text', text: 'q' }] },
        { role: 'assistant', parts: [{ type: 'text', text: 'partial' }], status: 'interrupted' },
      ],
    });
    const stored = await listMessages(t.db, alice.id, created.id);
    expect(stored[1]?.metadata?.status).toBe('interrupted');
  });
});
