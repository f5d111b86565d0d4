import { expect, it } from 'vitest';
import { createTestUser, describeEachDatabase } from '@/tests/support/db';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  getSessionUser,
  newSessionId,
} from './sessions';
import { updateUser } from './users';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

describeEachDatabase('session queries', (t) => {
  it('finds the session with its user in one read', async () => {
    const user = await createTestUser(t.db, { role: 'guest' });
    const session = await createSession(t.db, user.id, inAMonth());
    expect(session.id).toMatch(/^[\w-]{43}$/);
    expect(await getSessionUser(t.db, session.id, user.id)).toEqual({
      sessionId: session.id,
      id: user.id,
      role: 'guest',
      name: user.name,
      email: user.email,
      image: null,
      hasPassword: false,
      limitOverrides: null,
    });
  });

  it('refuses unknown, foreign, expired and disabled sessions', async () => {
    const [user, other] = await Promise.all([createTestUser(t.db, { passwordHash: 'h' }), createTestUser(t.db)]);
    const session = await createSession(t.db, user.id, inAMonth());
    expect((await getSessionUser(t.db, session.id, user.id))?.hasPassword).toBe(true);
    expect(await getSessionUser(t.db, newSessionId(), user.id)).toBeUndefined();
    expect(await getSessionUser(t.db, session.id, other.id)).toBeUndefined();
    expect(await getSessionUser(t.db, session.id, user.id, new Date(Date.now() + 31 * 86_400_000))).toBeUndefined();

    const expired = await createSession(t.db, other.id, new Date(Date.now() - 1000));
    expect(await getSessionUser(t.db, expired.id, other.id)).toBeUndefined();
    expect(await deleteExpiredSessions(t.db, { userId: user.id })).toBe(0);
    expect(await deleteExpiredSessions(t.db, { userId: other.id })).toBe(1);

    const live = await createSession(t.db, other.id, inAMonth());
    await updateUser(t.db, other.id, { disabled: true });
    expect(await getSessionUser(t.db, live.id, other.id)).toBeUndefined();
  });

  it('deletes one session, or all of a user but one', async () => {
    const user = await createTestUser(t.db);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createSession(t.db, user.id, inAMonth())));
    expect(await deleteSession(t.db, a!.id)).toBe(true);
    expect(await deleteSession(t.db, a!.id)).toBe(false);
    expect(await deleteUserSessions(t.db, user.id, { except: c!.id })).toBe(1);
    expect(await getSessionUser(t.db, b!.id, user.id)).toBeUndefined();
    expect(await getSessionUser(t.db, c!.id, user.id)).toBeDefined();
    expect(await deleteUserSessions(t.db, user.id)).toBe(1);
  });
});
