import { randomUUID } from 'node:crypto';
import type { AdapterUser } from '@auth/core/adapters';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../support/app';

/**
 * The Auth.js Drizzle adapter over our tables, as a GitHub/OIDC sign-in uses it: create the user,
 * link the provider account, find the user again by account and by e-mail.
 */

let adapter: ReturnType<typeof import('@/lib/auth/adapter')['studioAdapter']>;

beforeAll(async () => {
  process.env.ADMIN_EMAILS = 'lead@oauth.test';
  await loadApp();
  const { studioAdapter } = await import('@/lib/auth/adapter');
  adapter = studioAdapter();
});

const newUser = (email: string): AdapterUser => ({
  id: randomUUID(),
  email,
  name: 'Octo Cat',
  image: 'https://avatars.example.test/octo.png',
  emailVerified: null,
});

describe('the Auth.js adapter', () => {
  it('creates users with the role rules and normalised e-mails, and links provider accounts', async () => {
    const created = await adapter.createUser!(newUser('Octo@OAuth.test'));
    expect(created).toMatchObject({ email: 'octo@oauth.test', name: 'Octo Cat', role: 'user' });
    expect(created).not.toHaveProperty('passwordHash');

    await adapter.linkAccount!({
      userId: created.id,
      type: 'oauth',
      provider: 'github',
      providerAccountId: '12345',
      access_token: 'gho_x',
      token_type: 'bearer',
      scope: 'read:user,user:email',
    });
    const byAccount = await adapter.getUserByAccount!({ provider: 'github', providerAccountId: '12345' });
    expect(byAccount?.id).toBe(created.id);
    expect(byAccount).not.toHaveProperty('passwordHash');
    expect((await adapter.getUserByEmail!('OCTO@oauth.TEST'))?.id).toBe(created.id);
    expect(await adapter.getUserByAccount!({ provider: 'github', providerAccountId: 'nope' })).toBeNull();
  });

  it('makes ADMIN_EMAILS admins', async () => {
    const lead = (await adapter.createUser!(newUser('Lead@oauth.test'))) as AdapterUser & { role: string };
    expect(lead.role).toBe('admin');
  });
});
