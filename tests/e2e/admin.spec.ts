import type { Page } from '@playwright/test';
import { expect, test, watchForProblems } from './fixtures';
import { newUserContext } from './session';

/**
 * Roles end to end: a plain user is refused /admin; the admin (the setup's account) makes them an
 * admin on /admin, which they see after a reload, and takes it back again.
 */

async function roleInUserMenu(page: Page) {
  await page.goto('/');
  const badge = page.getByTestId('user-menu-button').getByTestId('role-badge');
  await expect(badge).toBeVisible();
  return badge;
}

async function setRole(admin: Page, email: string, role: 'admin' | 'user') {
  const row = admin.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
  const saved = admin.waitForResponse((r) => r.url().includes('/api/admin/users/') && r.request().method() === 'PATCH');
  await row.getByTestId('admin-role-select').selectOption(role);
  expect((await saved).status()).toBe(200);
  await expect(row.getByTestId('admin-role-select')).toHaveValue(role);
  await expect(row.getByTestId('admin-role-select')).toBeEnabled();
}

test('an admin changes a user’s role and it takes effect; non-admins are refused /admin', async ({ page, browser }) => {
  const problems = watchForProblems(page);
  const { context, email, page: userPage } = await newUserContext(browser, 'role');
  const userProblems = watchForProblems(userPage);

  // A plain user: a "user" badge, no Admin entry, and /admin is refused by the page and the API.
  await expect(await roleInUserMenu(userPage)).toHaveAttribute('data-role', 'user');
  await userPage.getByTestId('user-menu-button').click();
  await expect(userPage.getByTestId('menu-usage')).toBeVisible();
  await expect(userPage.getByTestId('menu-admin')).toHaveCount(0);
  await userPage.keyboard.press('Escape');
  const refused = await userPage.goto('/admin');
  expect(refused?.status()).toBe(404);
  await expect(userPage.getByTestId('admin-page')).toHaveCount(0);
  await expect(userPage.getByTestId('not-found')).toBeVisible();
  expect((await userPage.request.get('/api/admin/users')).status()).toBe(403);
  expect((await userPage.request.get('/api/admin/usage')).status()).toBe(403);

  // The admin's list: their own row cannot change its role; the new user's can.
  await page.goto('/admin');
  await expect(page.getByTestId('admin-page')).toBeVisible();
  const row = page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
  await expect(row.getByTestId('admin-role-select')).toHaveValue('user');
  await expect(
    page
      .locator('[data-testid="admin-user-row"][data-email="e2e-admin@example.test"]')
      .getByTestId('admin-role-select'),
  ).toBeDisabled();
  await setRole(page, email, 'admin');

  // The user, after a reload: an "admin" badge, the Admin entry, and the page and API open.
  await expect(await roleInUserMenu(userPage)).toHaveAttribute('data-role', 'admin');
  await userPage.getByTestId('user-menu-button').click();
  await userPage.getByTestId('menu-admin').click();
  await expect(userPage).toHaveURL(/\/admin$/);
  await expect(userPage.getByTestId('admin-page')).toBeVisible();
  await expect(userPage.locator(`[data-testid="admin-user-row"][data-email="${email}"]`)).toBeVisible();
  expect((await userPage.request.get('/api/admin/users')).status()).toBe(200);

  // Taken back: refused again at once, without signing in again.
  await setRole(page, email, 'user');
  expect((await userPage.request.get('/api/admin/users')).status()).toBe(403);
  await expect(await roleInUserMenu(userPage)).toHaveAttribute('data-role', 'user');
  expect((await userPage.goto('/admin'))?.status()).toBe(404);

  expect([...problems, ...userProblems], 'errors in the browser').toEqual([]);
  await context.close();
});
