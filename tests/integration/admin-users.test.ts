import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';
import { authClient } from '../support/auth-client';

let app: TestApp;
let auth: typeof import('@/app/api/auth/[...nextauth]/route');
let signUp: typeof import('@/app/api/auth/sign-up/route');
let account: typeof import('@/app/api/account/route');
let adminUsers: typeof import('@/app/api/admin/users/route');
let adminUser: typeof import('@/app/api/admin/users/[id]/route');

beforeAll(async () => {
  app = await loadApp();
  auth = await import('@/app/api/auth/[...nextauth]/route');
  signUp = await import('@/app/api/auth/sign-up/route');
  account = await import('@/app/api/account/route');
  adminUsers = await import('@/app/api/admin/users/route');
  adminUser = await import('@/app/api/admin/users/[id]/route');
});

describe('an admin manages users', () => {
  it('disabling a user ends their sessions at once and refuses their next sign-in', async () => {
    const admin = await app.signIn('admin');
    const email = `${randomUUID().slice(0, 8)}@admin.test`;
    const password = 'correct horse 42';
    const created = await signUp.POST(
      new Request(`${app.base}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    );
    const { user } = (await created.json()) as { user: { id: string } };
    const client = authClient(auth);
    await client.signIn(email, password);
    expect((await account.GET(client.request('/api/account'))).status).toBe(200);

    const patch = (id: string, body: unknown) =>
      adminUser.PATCH(
        admin.request(`/api/admin/users/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        app.params({ id }),
      );
    const disabled = await patch(user.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { user: { disabledAt: string | null } }).user.disabledAt).not.toBeNull();
    expect((await account.GET(client.request('/api/account'))).status).toBe(401);
    expect((await authClient(auth).signIn(email, password)).code).toBe('disabled');
    // The refusal names the account only to someone who knows its password.
    expect((await authClient(auth).signIn(email, 'wrong password 9')).code).toBe('invalid_credentials');

    expect((await patch(user.id, { disabled: false })).status).toBe(200);
    expect((await authClient(auth).signIn(email, password)).error).toBeFalsy();

    expect((await patch(randomUUID(), { disabled: true })).status).toBe(404);
    expect((await patch(admin.user.id, { disabled: true })).status).toBe(400);
    expect((await patch(user.id, {})).status).toBe(400);
    expect((await patch(user.id, { role: 'guest' })).status).toBe(400);

    const list = (await (await adminUsers.GET(admin.request('/api/admin/users'))).json()) as {
      users: Record<string, unknown>[];
    };
    expect(list.users.some((row) => row.id === user.id)).toBe(true);
    expect(list.users.every((row) => !('passwordHash' in row))).toBe(true);
  });
});
