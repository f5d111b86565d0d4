import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';

/** Signs people in for the specs through the real endpoints (sign-up, then Auth.js credentials). */

export const storageStates = { user: 'tmp/e2e-auth/user.json' };
export const PASSWORD = 'e2e password 42';

export const newEmail = (label = 'e2e') => `${label}-${randomBytes(4).toString('hex')}@example.test`;

export async function signUp(request: APIRequestContext, email: string, password = PASSWORD, name?: string) {
  const response = await request.post('/api/auth/sign-up', { data: { email, password, name } });
  expect(response.status(), await response.text()).toBe(201);
}

export async function signIn(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken },
    headers: { 'x-auth-return-redirect': '1' },
  });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get('error'), 'sign-in refused').toBeNull();
}
