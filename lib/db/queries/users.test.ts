import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestUser, describeEachDatabase } from '@/tests/support/db';
import { users } from '../schema';
import { ensureLocalUser, getUser, LOCAL_USER_ID } from './users';

describeEachDatabase('users queries', (t) => {
  it('creates the local user once, even when many requests race for it', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureLocalUser(t.db)));
    expect(new Set(results.map((user) => user.id))).toEqual(new Set([LOCAL_USER_ID]));
    expect(results[0]).toMatchObject({ id: LOCAL_USER_ID, role: 'admin', passwordHash: null, disabledAt: null });

    const again = await ensureLocalUser(t.db);
    expect(again).toEqual(results[0]);
    expect(await t.db.$count(users, eq(users.id, LOCAL_USER_ID))).toBe(1);
  });

  it('gets a user by id, or undefined', async () => {
    const user = await createTestUser(t.db, { role: 'guest' });
    const found = await getUser(t.db, user.id);
    expect(found).toEqual(user);
    expect(found?.role).toBe('guest');
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(await getUser(t.db, 'no-such-user')).toBeUndefined();
  });

  it('defaults the role to user and rejects unknown roles', async () => {
    const user = await createTestUser(t.db);
    expect(user.role).toBe('user');
    // @ts-expect-error the CHECK constraint is what this test exercises
    await expect(createTestUser(t.db, { role: 'root' })).rejects.toThrow();
  });
});
