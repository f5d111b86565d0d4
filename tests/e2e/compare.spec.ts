import type { Page, Route } from '@playwright/test';
import { expect, test, uniqueTag, watchForProblems } from './fixtures';

/**
 * The comparison screen end to end against the built-in simulator. Faults are chosen per pane by
 * the request's own parameters (each pane sends its settings with every turn), so one pane can be
 * slow and another fail while the third answers normally.
 */

type ChatBody = { id?: string; params?: { thinking?: boolean; temperature?: number } };

async function faultPanes(page: Page, faultOf: (body: ChatBody) => string | undefined) {
  await page.route('**/api/chat', (route: Route) => {
    const fault = faultOf(route.request().postDataJSON() as ChatBody);
    return route.continue({
      headers: { ...route.request().headers(), ...(fault ? { 'x-simulator-fault': fault } : {}) },
    });
  });
}

const panes = (page: Page) => page.getByTestId('compare-pane');

async function openDraft(page: Page) {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-pane-draft')).toHaveCount(2);
  await expect(page.getByTestId('composer-input')).toBeEnabled();
}

/** Pane settings through the pane's own popover. */
async function setTemperature(page: Page, paneIndex: number, value: string) {
  const header = page.getByTestId('pane-header').nth(paneIndex);
  await header.getByTestId('pane-settings-button').click();
  const field = page.getByTestId('pane-temperature');
  await field.fill(value);
  await field.press('Enter');
  await page.keyboard.press('Escape');
}

test('three panes answer at once: one slow and stopped, one failing, one complete with metrics', async ({ page }) => {
  const problems = watchForProblems(page);
  await openDraft(page);
  // Pane C: the same model as pane A with thinking off, but temperature 1.3.
  await page.getByTestId('add-pane').click();
  await expect(page.getByTestId('compare-pane-draft')).toHaveCount(3);
  await setTemperature(page, 2, '1.3');
  await expect(page.getByTestId('pane-label').nth(2)).toContainText('T 1.3');
  await expect(page.getByTestId('pane-label').nth(1)).toContainText(/thinking/);

  // Pane B (thinking on) streams slowly; pane C (temperature 1.3) is refused by the upstream.
  await faultPanes(page, (body) =>
    body.params?.thinking ? 'chunk-delay=200;chunks=200' : body.params?.temperature === 1.3 ? 'status=400' : undefined,
  );
  const question = `Compare ${uniqueTag()}: explain backpressure`;
  await page.getByTestId('composer-input').fill(question);
  await page.getByTestId('composer-input').press('Enter');

  await expect(page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/);
  await expect(panes(page)).toHaveCount(3);
  const [a, b, c] = [panes(page).nth(0), panes(page).nth(1), panes(page).nth(2)];
  for (const pane of [a, b, c]) await expect(pane.getByTestId('user-message')).toContainText('explain backpressure');

  // A finishes while B is still streaming; C shows its own error.
  await expect(a).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(b).toHaveAttribute('data-status', 'streaming');
  await expect(c.getByTestId('pane-error')).toBeVisible({ timeout: 30_000 });
  await expect(c.getByTestId('error-banner')).toHaveAttribute('data-error-code', /^upstream_/);
  await expect(b.getByTestId('metric-total')).not.toHaveText(/–/);

  // Stop B alone: its partial answer is kept as stopped.
  await b.getByTestId('pane-stop').click();
  await expect(b).toHaveAttribute('data-status', 'ready');
  await expect(b.getByTestId('message-status')).toHaveAttribute('data-status', 'interrupted');

  // A's metrics: every number is there.
  for (const metric of ['ttft', 'total', 'output', 'speed', 'cache', 'cost']) {
    await expect(a.getByTestId(`metric-${metric}`)).not.toContainText('–');
  }

  // A follow-up without faults goes to every pane; each keeps its own history.
  await page.unroute('**/api/chat');
  await page.getByTestId('composer-input').fill('And in TCP?');
  await page.getByTestId('composer-input').press('Enter');
  for (const pane of [a, b, c]) {
    await expect(pane.getByTestId('user-message')).toHaveCount(2);
    await expect(pane).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    await expect(pane.getByTestId('assistant-message').last()).toHaveAttribute('data-streaming', 'false');
  }
  await expect(page.getByTestId('metrics-summary')).toBeVisible();
  await expect(page.getByTestId('summary-fastest')).toContainText(/Pane [ABC]/);
  await expect(page.getByTestId('summary-longest')).toContainText(/Pane [ABC]/);
  await expect(page.getByTestId('summary-cheapest')).toContainText(/Pane [ABC]/);
  await expect(page.getByTestId('pane-mark-fastest')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('a blind vote reveals the models, feeds the leaderboard, and the comparison reopens from the sidebar', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await openDraft(page);
  await page.getByTestId('blind-toggle').click();
  await setTemperature(page, 0, '0');
  const title = `Blind ${uniqueTag()} haiku about rain`;
  await page.getByTestId('composer-input').fill(title);
  await page.getByTestId('composer-input').press('Enter');

  await expect(page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('blind-badge')).toBeVisible();
  const labels = page.getByTestId('pane-label');
  await expect(labels.nth(0)).toContainText('hidden until you vote');
  await expect(page.getByTestId('usage-model')).toHaveCount(0);
  await expect(page.getByTestId('vote-bar')).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('vote-A').click();
  await expect(page.getByTestId('vote-result')).toContainText('A won');
  await expect(labels.nth(0)).toContainText('DeepSeek');
  await expect(labels.nth(1)).toContainText('DeepSeek');
  const winner = (await labels.nth(0).textContent()) ?? '';

  await page.getByTestId('leaderboard-link').click();
  await expect(page.getByTestId('leaderboard-row').first()).toBeVisible();
  const rows = page.getByTestId('leaderboard-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  // The pane that won this (the user's first) vote tops "my votes" unless earlier runs voted too.
  const top = await page.getByTestId('leaderboard-config').allTextContents();
  expect(top.some((text) => winner.includes(text.split(' · ')[0] ?? ''))).toBe(true);
  await page.getByTestId('scope-instance').click();
  await expect(page.getByTestId('leaderboard-row').first()).toBeVisible();

  // Reopen from the sidebar: both panes with their transcripts, the vote and the names.
  await page.getByTestId('comparison-item').filter({ hasText: title }).click();
  await expect(panes(page)).toHaveCount(2);
  for (const pane of [panes(page).nth(0), panes(page).nth(1)]) {
    await expect(pane.getByTestId('user-message')).toContainText('haiku about rain');
    await expect(pane.getByTestId('assistant-message')).toHaveCount(1);
  }
  await expect(page.getByTestId('vote-result')).toBeVisible();
  await expect(labels.nth(0)).toContainText('DeepSeek');

  // "Continue with this one" turns a pane into a normal conversation.
  await panes(page).nth(1).getByTestId('pane-menu-button').click();
  await page.getByTestId('pane-continue').click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('user-message')).toContainText('haiku about rain');
  await expect(page.getByTestId('conversation-item').first()).toContainText(title);
  expect(problems).toEqual([]);
});

test('screenshots: a finished comparison at desktop and phone widths, light and dark', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await openDraft(page);
  await page.getByTestId('add-pane').click();
  await setTemperature(page, 2, '1.3');
  await page.getByTestId('composer-input').fill(`Screens ${uniqueTag()}: when should I use a B-tree?`);
  await page.getByTestId('composer-input').press('Enter');
  await expect(page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/);
  for (let index = 0; index < 3; index++) {
    await expect(panes(page).nth(index)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  }
  await expect(page.getByTestId('vote-bar')).toBeVisible();
  const url = page.url();

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 375, height: 812 }],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport,
        colorScheme: theme,
        isMobile: size === 'phone',
        hasTouch: size === 'phone',
        deviceScaleFactor: 1,
      });
      const view = await context.newPage();
      await view.goto(url);
      await expect(view.getByTestId('compare-pane')).toHaveCount(3);
      await expect(view.getByTestId('vote-bar')).toBeVisible();
      const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await view.evaluate(() => document.fonts.ready);
      const name = `compare-${size}-${theme}`;
      await view.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
      if (process.env.SCREENSHOTS_DIR) {
        await view.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, animations: 'disabled' });
      }
      await context.close();
    }
  }
});
