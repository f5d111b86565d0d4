import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Browser, expect } from '@playwright/test';

/** Signs people in for the specs through the real endpoints (sign-up, then Auth.js credentials). */

export const storageStates = { user: 'tmp/e2e-auth/user.json' };
export const PASSWORD = 'e2e password 42';

/**
 * The setup's account, an admin through `ADMIN_EMAILS` (playwright.config.ts) even when the data
 * dir was used before: the chat specs send many turns, more than a plain user's 20 a minute.
 */
export const ADMIN_EMAIL = 'e2e-admin@example.test';

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

/** A new plain account, signed in inside its own browser context (no cookies shared with the admin). */
export async function newUserContext(browser: Browser, label: string) {
  const email = newEmail(label);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await signUp(context.request, email);
  await signIn(context.request, email);
  return { context, email, page: await context.newPage() };
}
