import { ChatPage, expect, test, uniqueTag, watchForProblems } from './fixtures';
import { newUserContext } from './session';

/**
 * Quotas end to end: the admin (the setup's account) gives a new user one request a day on /admin,
 * the user's second turn is refused before anything streams, the banner names the limit and when it
 * resets, and /usage accounts for the turn that was answered.
 */

test('hitting a quota shows which limit and when it resets; /usage shows the answered turn', async ({
  page,
  browser,
}) => {
  const { context, email, page: userPage } = await newUserContext(browser, 'quota');
  const problems = watchForProblems(page);
  const userProblems = watchForProblems(userPage);

  // The admin sets the user's daily requests to 1 through the quota form.
  await page.goto('/admin');
  const row = page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('admin-edit-limits').click();
  const form = row.getByTestId('limits-form');
  await form.getByTestId('limit-requestsPerDay').fill('1');
  const saved = page.waitForResponse((r) => r.url().includes('/api/admin/users/') && r.request().method() === 'PATCH');
  await form.getByTestId('limits-save').click();
  expect((await saved).status()).toBe(200);
  await expect(form).toHaveCount(0);
  await expect(row.getByTestId('admin-edit-limits')).toHaveAttribute('data-overridden', 'true');

  // The user's first turn is answered.
  const chat = new ChatPage(userPage);
  await chat.open('/');
  const tag = uniqueTag();
  const answer = await chat.ask(`First question ${tag}`);
  await expect(answer.getByTestId('markdown')).toContainText('First question');
  await expect(userPage).toHaveURL(/\/c\//);

  // The second is refused with a JSON 429 (no stream), and the banner says which limit and when.
  const refused = userPage.waitForResponse((r) => r.url().endsWith('/api/chat') && r.request().method() === 'POST');
  await chat.send(`Second question ${tag}`);
  const response = await refused;
  expect(response.status()).toBe(429);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { error: { details: { limit: string; resetAt: string } } };
  expect(body.error.details.limit).toBe('requests_per_day');
  const resetAt = new Date(body.error.details.resetAt);
  expect(resetAt.toISOString().slice(11, 16)).toBe('00:00');

  const banner = userPage.getByTestId('error-banner');
  await expect(banner).toHaveAttribute('data-error-code', 'rate_limit:chat');
  await expect(banner.getByTestId('error-message')).toHaveText(
    /^Daily request quota reached \(1\) — resets at 00:00 UTC \(in ((\d+ h )?\d+ min|\d+ s)\)\.$/,
  );
  // Nothing was streamed for the refused turn: still one answer, and it is the first one.
  await expect(userPage.getByTestId('chat-view')).toHaveAttribute('data-status', 'error');
  await expect(chat.answers()).toHaveCount(1);
  await expect(chat.lastAnswer().getByTestId('markdown')).toContainText('First question');
  await expect(chat.lastAnswer().getByTestId('markdown')).not.toContainText('Second question');
  // Nor stored: after a reload the conversation has the answered turn only.
  await userPage.reload();
  await expect(chat.userMessages()).toHaveCount(1);
  await expect(chat.answers()).toHaveCount(1);

  // /usage: today's tokens and cost by model hold the answered turn; the day's requests are used up.
  await userPage.goto('/usage');
  const today = userPage.getByTestId('usage-today');
  const rows = today.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('usage-requests')).toHaveText('1');
  await expect(rows.first().getByTestId('usage-total-tokens')).toHaveText(/^[1-9][\d,.]*( ?[kK])?$/);
  await expect(rows.first().getByTestId('usage-cost')).toHaveText(/\d/);
  await expect(userPage.getByTestId('usage-limit-requests_per_day')).toContainText('1 / 1');
  await expect(userPage.getByTestId('usage-limit-requests_per_day')).toContainText('Resets at 00:00 UTC');

  // The admin sees the same day on /admin.
  await page.reload();
  await expect(row.getByTestId('admin-user-today')).not.toHaveText(/Today: 0 tokens/);
  expect([...problems, ...userProblems], 'errors in the browser').toEqual([]);
  await context.close();
});
