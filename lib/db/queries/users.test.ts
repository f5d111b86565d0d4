import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestUser, describeEachDatabase } from '@/tests/support/db';
import { users } from '../schema';
import { createSession, getSessionUser } from './sessions';
import {
  createAccount,
  createGuest,
  getCredentials,
  getPasswordHash,
  getUser,
  getUserByEmail,
  listUsers,
  setPassword,
  updateUser,
} from './users';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

describeEachDatabase('users queries', (t) => {
  it('gets a user by id, or undefined, never with the password hash', async () => {
    const user = await createTestUser(t.db, { role: 'guest', passwordHash: 'secret-hash' });
    const found = await getUser(t.db, user.id);
    expect(found).toMatchObject({ id: user.id, role: 'guest' });
    expect(found).not.toHaveProperty('passwordHash');
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(await getUser(t.db, 'no-such-user')).toBeUndefined();
  });

  it('defaults the role to user and rejects unknown roles', async () => {
    const user = await createTestUser(t.db);
    expect(user.role).toBe('user');
    // @ts-expect-error the CHECK constraint is what this test exercises
    await expect(createTestUser(t.db, { role: 'root' })).rejects.toThrow();
  });

  it('makes the first account an admin even when sign-ups race, and listed e-mails admins too', async () => {
    // The suite's database is shared: only the first test that creates an account sees it empty.
    await t.db.delete(users);
    await createGuest(t.db); // a guest does not count as an account
    const created = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) => createAccount(t.db, { email: `${name}@first.test`, name }, '')),
    );
    expect(created.filter((user) => user?.role === 'admin')).toHaveLength(1);
    expect(created.filter((user) => user?.role === 'user')).toHaveLength(3);

    const listed = await createAccount(t.db, { email: 'Boss@Example.TEST' }, 'ops@example.test, boss@example.test');
    expect(listed).toMatchObject({ role: 'admin', email: 'boss@example.test' });
    const other = await createAccount(t.db, { email: 'worker@example.test' }, 'boss@example.test');
    expect(other?.role).toBe('user');
  });

  it('refuses a taken e-mail whatever its case, changing nothing', async () => {
    const first = await createAccount(t.db, { email: 'dup@example.test', name: 'First', passwordHash: 'h1' }, '');
    expect(first).toBeDefined();
    expect(await createAccount(t.db, { email: ' DUP@example.test ', name: 'Second', passwordHash: 'h2' }, '')).toBe(
      undefined,
    );
    const stored = await getCredentials(t.db, 'Dup@Example.test');
    expect(stored).toMatchObject({ id: first!.id, name: 'First', passwordHash: 'h1' });
    expect((await getUserByEmail(t.db, 'dup@EXAMPLE.test'))?.id).toBe(first!.id);
  });

  it('creates guests without e-mail or password', async () => {
    const guest = await createGuest(t.db);
    expect(guest).toMatchObject({ role: 'guest', email: null });
    expect(guest.name).toMatch(/^Guest [0-9a-f]{6}$/);
    expect(await getPasswordHash(t.db, guest.id)).toBeNull();
  });

  it('a new password ends every other session of the user', async () => {
    const user = await createTestUser(t.db, { passwordHash: 'old' });
    const [current, other] = await Promise.all([
      createSession(t.db, user.id, inAMonth()),
      createSession(t.db, user.id, inAMonth()),
    ]);
    await setPassword(t.db, user.id, 'new', current.id);
    expect(await getPasswordHash(t.db, user.id)).toBe('new');
    expect(await getSessionUser(t.db, current.id, user.id)).toBeDefined();
    expect(await getSessionUser(t.db, other.id, user.id)).toBeUndefined();
  });

  it('disabling a user ends their sessions; enabling does not bring them back', async () => {
    const user = await createTestUser(t.db);
    const session = await createSession(t.db, user.id, inAMonth());
    const disabled = await updateUser(t.db, user.id, { disabled: true });
    expect(disabled?.disabledAt).toBeInstanceOf(Date);
    expect(await getSessionUser(t.db, session.id, user.id)).toBeUndefined();
    expect(await getPasswordHash(t.db, user.id)).toBeUndefined();
    const enabled = await updateUser(t.db, user.id, { disabled: false, role: 'admin' });
    expect(enabled).toMatchObject({ disabledAt: null, role: 'admin' });
    expect(await getSessionUser(t.db, session.id, user.id)).toBeUndefined();
    expect(await updateUser(t.db, 'no-such-user', { disabled: true })).toBeUndefined();
  });

  it('lists users newest first without password hashes', async () => {
    const user = await createTestUser(t.db, { passwordHash: 'x' });
    const list = await listUsers(t.db, { limit: 500 });
    expect(list.some((row) => row.id === user.id)).toBe(true);
    expect(list.every((row) => !('passwordHash' in row))).toBe(true);
    expect(await t.db.$count(users, eq(users.id, user.id))).toBe(1);
  });
});
