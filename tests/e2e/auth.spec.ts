import type { Page, TestInfo } from '@playwright/test';
import { ChatPage, expect, test, uniqueTag } from './fixtures';
import { newEmail, PASSWORD, signUp } from './session';

/** Accounts through the real UI: sign up, sign out, sign in, guests, password change, redirects. */

test.use({ storageState: { cookies: [], origins: [] } });

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The app shell: signing in finished and the browser arrived. */
async function expectSignedIn(page: Page) {
  await expect(page.getByTestId('app-header')).toBeVisible({ timeout: 15_000 });
}

async function openUserMenu(page: Page) {
  await page.getByTestId('user-menu-button').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}

test('a signed-out visit goes to /login and comes back after signing in', async ({ page, request }) => {
  const email = newEmail('deep');
  await signUp(request, email);
  await page.goto('/c/some-conversation?tab=1');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fc%2Fsome-conversation%3Ftab%3D1$/);
  await fillLogin(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/c\/some-conversation\?tab=1$/);
  await expect(
    page
      .getByTestId('not-found')
      .or(page.getByText(/not found/i))
      .first(),
  ).toBeVisible();
});

test('sign up, chat, sign out for good, and sign in again', async ({ page, chat, browser }) => {
  const email = newEmail('signup');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByTestId('login-tab-sign-up').click();
  await page.getByTestId('login-name').fill('Ada Lovelace');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill('short');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('at least 10 characters');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expectSignedIn(page);

  await chat.open('/');
  const tag = uniqueTag();
  await chat.ask(`Hello from a new account ${tag}`);
  await openUserMenu(page);
  await expect(page.getByTestId('user-menu-email')).toHaveText(email);
  await expect(page.getByTestId('user-menu-name')).toHaveText('Ada Lovelace');
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'authjs.session-token')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
  });

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  // The cookie from before signing out no longer opens anything: its session row is gone.
  const replay = await browser.newContext({ storageState: { cookies, origins: [] } });
  const stolen = await replay.newPage();
  await stolen.goto('/');
  await expect(stolen).toHaveURL(/\/login$/);
  expect((await stolen.request.get('/api/conversations')).status()).toBe(401);
  await replay.close();

  await fillLogin(page, email, 'not the password 1');
  await expect(page.getByTestId('login-error')).toHaveAttribute('data-kind', 'invalid_credentials');
  await fillLogin(page, email, PASSWORD);
  await expectSignedIn(page);
  await chat.open('/');
  await expect(chat.sidebarItems().filter({ hasText: tag })).toHaveCount(1);
});

test('a guest signs in with one click and sees the role', async ({ page, chat }) => {
  await page.goto('/login');
  await page.getByTestId('login-guest').click();
  await expectSignedIn(page);
  await chat.open('/');
  await chat.ask('Hello as a guest');
  await openUserMenu(page);
  await expect(
    page.getByTestId('user-menu').getByTestId('role-badge').or(page.getByTestId('role-badge')).first(),
  ).toHaveAttribute('data-role', 'guest');
  await expect(page.getByTestId('change-password')).toHaveCount(0);
});

test('changing the password signs other devices out', async ({ page, chat, browser, request }) => {
  const email = newEmail('change');
  await signUp(request, email);
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  for (const each of [page, otherPage]) {
    await each.goto('/login');
    await fillLogin(each, email, PASSWORD);
    await expectSignedIn(each);
  }
  await chat.open('/');
  await openUserMenu(page);
  await page.getByTestId('change-password').click();
  await page.getByTestId('current-password').fill(PASSWORD);
  await page.getByTestId('new-password').fill('a brand new one 7');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-done')).toBeVisible();
  await page.keyboard.press('Escape');

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login/);
  await fillLogin(otherPage, email, 'a brand new one 7');
  await expectSignedIn(otherPage);
  await other.close();
});

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: the login page and the user menu look right`, async ({ browser, request }, testInfo) => {
      const email = newEmail('look');
      await signUp(request, email, PASSWORD, 'Grace Hopper');
      const context = await browser.newContext({
        storageState: { cookies: [], origins: [] },
        viewport: viewports[size],
        colorScheme: theme,
        isMobile: size === 'phone',
        hasTouch: size === 'phone',
        deviceScaleFactor: 1,
        // The phone shots are in Chinese: the catalog's other language, and longer CJK lines.
        locale: size === 'phone' ? 'zh-CN' : 'en-US',
      });
      const page = await context.newPage();
      await page.goto('/login');
      await expect(page.getByTestId('login-card')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(page, testInfo, `login-${size}-${theme}`);
      await page.getByTestId('login-tab-sign-up').click();
      await page.getByTestId('login-email').fill(newEmail('weak'));
      await page.getByTestId('login-password').fill('short');
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('login-error')).toBeVisible();
      await snap(page, testInfo, `login-sign-up-error-${size}-${theme}`);

      await page.getByTestId('login-tab-sign-in').click();
      await fillLogin(page, email, PASSWORD);
      await expectSignedIn(page);
      const chat = new ChatPage(page);
      await chat.open('/');
      if (size === 'phone') await page.getByTestId('sidebar-open').click();
      await openUserMenu(page);
      await snap(page, testInfo, `user-menu-${size}-${theme}`);
      await context.close();
    });
  }
}
