import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';
import { authClient } from '../support/auth-client';

/**
 * A production-like configuration: Secure cookies and both optional providers configured. Buttons
 * for GitHub and OIDC appear only then (tests/integration/auth.test.ts runs without them).
 */

let app: TestApp;
let auth: typeof import('@/app/api/auth/[...nextauth]/route');

beforeAll(async () => {
  Object.assign(process.env, {
    AUTH_SECURE_COOKIES: 'true',
    AUTH_GITHUB_ID: 'gh-client',
    AUTH_GITHUB_SECRET: 'gh-secret',
    AUTH_OIDC_ISSUER: 'https://id.example.test/realms/team',
    AUTH_OIDC_ID: 'studio',
    AUTH_OIDC_SECRET: 'oidc-secret',
    AUTH_OIDC_NAME: 'Team SSO',
  });
  app = await loadApp();
  auth = await import('@/app/api/auth/[...nextauth]/route');
});

describe('configured providers and Secure cookies', () => {
  it('lists GitHub and OIDC next to password and guest sign-in', async () => {
    const { signInOptions } = await import('@/lib/auth/authjs');
    expect(signInOptions()).toEqual({ github: true, oidc: { name: 'Team SSO' } });
    const providers = (await (await auth.GET(new Request(`${app.base}/api/auth/providers`))).json()) as Record<
      string,
      { name: string; type: string }
    >;
    expect(Object.keys(providers).sort()).toEqual(['credentials', 'github', 'guest', 'oidc']);
    expect(providers.oidc).toMatchObject({ name: 'Team SSO', type: 'oidc' });
  });

  it('starts a GitHub sign-in with a redirect to GitHub', async () => {
    const client = authClient(auth, 'https://studio.example.test');
    const started = await auth.POST(
      client.request('/api/auth/signin/github', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
        body: new URLSearchParams({ csrfToken: await client.csrfToken(), callbackUrl: '/' }),
      }),
    );
    const { url } = (await started.json()) as { url: string };
    expect(new URL(url).origin).toBe('https://github.com');
    expect(new URL(url).searchParams.get('client_id')).toBe('gh-client');
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('https://studio.example.test/api/auth/callback/github');
  });

  it('sets a __Secure- session cookie with Secure, HttpOnly and SameSite=Lax, and reads it back', async () => {
    const signUp = await import('@/app/api/auth/sign-up/route');
    const account = await import('@/app/api/account/route');
    const email = `${randomUUID().slice(0, 8)}@secure.test`;
    const password = 'correct horse 42';
    await signUp.POST(
      new Request(`${app.base}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    );
    const client = authClient(auth, 'https://studio.example.test');
    const result = await client.signIn(email, password);
    const line = result.response.headers
      .getSetCookie()
      .find((each) => each.startsWith('__Secure-authjs.session-token='));
    expect(line).toMatch(/; Secure/i);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect((await account.GET(client.request('/api/account'))).status).toBe(200);
  });
});
