import type { Page } from '@playwright/test';
import { expect, test, uniqueTag, watchForProblems } from './fixtures';
import { newUserContext } from './session';

/*
 * Comparison share links end to end: share from /compare/[id], open the link signed out and see
 * the panes side by side (model names hidden in a blind comparison until the vote), continue as a
 * copy in another account, revoke from /shares → 404; screenshots at desktop and phone widths.
 */

async function answeredComparison(page: Page, question: string, { blind = false } = {}) {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-pane-draft')).toHaveCount(2);
  await expect(page.getByTestId('composer-input')).toBeEnabled();
  if (blind) await page.getByTestId('blind-toggle').click();
  await page.getByTestId('composer-input').fill(question);
  // Right after a cold start the first Enter can come before the composer is wired up: press again.
  await expect(async () => {
    if (page.url().endsWith('/compare')) await page.getByTestId('composer-input').press('Enter');
    await expect(page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  for (let index = 0; index < 2; index++) {
    await expect(page.getByTestId('compare-pane').nth(index)).toHaveAttribute('data-status', 'ready', {
      timeout: 30_000,
    });
  }
}

async function shareFromToolbar(page: Page): Promise<string> {
  await page.getByTestId('share-comparison').click();
  await page.getByTestId('share-expiry').selectOption('1d');
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-dialog')).toBeHidden();
  return link;
}

test('share a blind comparison, view it signed out, copy it, vote, update, revoke → 404', async ({ page, browser }) => {
  const tag = uniqueTag();
  await answeredComparison(page, `Comparison share ${tag}: explain backpressure`, { blind: true });
  const link = await shareFromToolbar(page);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymous = await visitor.newPage();
  const problems = watchForProblems(anonymous);
  const response = await anonymous.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(anonymous.getByTestId('share-title')).toContainText(`Comparison share ${tag}`);
  await expect(anonymous.getByTestId('share-pane')).toHaveCount(2);
  for (let index = 0; index < 2; index++) {
    const pane = anonymous.getByTestId('share-pane').nth(index);
    await expect(pane.getByTestId('share-message')).toHaveCount(2);
    // Not voted yet: the models stay hidden, as they are for the owner.
    await expect(pane.getByTestId('share-pane-model')).toHaveText('model hidden (not voted yet)');
  }
  await expect(anonymous.locator('pre.shiki[data-highlighted="true"]').first()).toBeVisible();
  await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(anonymous.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(tag));
  await expect(anonymous.getByTestId('share-sign-in')).toBeVisible();
  expect(problems).toEqual([]);

  // Another account continues as a copy: a comparison of their own, still blind.
  const other = await newUserContext(browser, 'compare-copy');
  await other.page.goto(link);
  await other.page.getByTestId('share-continue').click();
  await expect(other.page).toHaveURL(/\/compare\/[0-9a-f-]{36}$/);
  await expect(other.page.getByTestId('compare-pane')).toHaveCount(2);
  await expect(other.page.getByTestId('blind-badge')).toBeVisible();
  await expect(other.page.getByTestId('compare-pane').first().getByTestId('user-message')).toContainText(tag);

  // The owner votes; after "update snapshot" the link names the models.
  await page.getByTestId('vote-A').click();
  await expect(page.getByTestId('vote-result')).toContainText('A won');
  await page.goto('/shares');
  const row = page.getByTestId('share-row').filter({ hasText: `Comparison share ${tag}` });
  await expect(row.getByTestId('share-row-kind')).toHaveText('Comparison');
  await row.getByTestId('share-row-refresh').click();
  await expect(row.getByTestId('share-row-refresh')).toBeEnabled();
  await anonymous.reload();
  await expect(anonymous.getByTestId('share-pane-model').first()).toContainText('deepseek');
  await expect(anonymous.getByTestId('share-votes')).toContainText('A won');

  await row.getByTestId('share-row-revoke').click();
  await row.getByTestId('share-row-revoke').click();
  await expect(row).toHaveAttribute('data-state', 'revoked');
  const gone = await anonymous.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(anonymous.getByTestId('not-found')).toBeVisible();
  await visitor.close();
  await other.context.close();
});

test('screenshots: a comparison share at desktop and phone widths, light and dark', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await answeredComparison(page, `Share screens ${uniqueTag()}: when should I use a B-tree?`);
  const link = await shareFromToolbar(page);

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
        storageState: { cookies: [], origins: [] },
      });
      const view = await context.newPage();
      await view.goto(link);
      await expect(view.getByTestId('share-pane')).toHaveCount(2);
      const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await view.evaluate(() => document.fonts.ready);
      const name = `comparison-share-${size}-${theme}`;
      await view.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
      if (process.env.SCREENSHOTS_DIR) {
        await view.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, animations: 'disabled' });
      }
      await context.close();
    }
  }
  // The toolbar with its Share button, for the record.
  await page.screenshot({ path: testInfo.outputPath('compare-toolbar-share.png'), animations: 'disabled' });
});
