import type { Browser, Page, TestInfo } from '@playwright/test';
import { ChatPage, expect, test, uniqueTag } from './fixtures';

/**
 * Looks at the UI at desktop and phone widths, light and dark: asserts nothing overflows sideways
 * and saves screenshots (into the test's output, and into $SCREENSHOTS_DIR when set, e.g.
 * `SCREENSHOTS_DIR=docs/screenshots npx playwright test visual`).
 */

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;

async function openPage(browser: Browser, size: keyof typeof viewports, theme: 'light' | 'dark') {
  const context = await browser.newContext({
    viewport: viewports[size],
    colorScheme: theme,
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return { context, page, chat: new ChatPage(page) };
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => document.fonts.ready);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: empty state and a conversation with reasoning, a table and code`, async ({
      browser,
    }, testInfo) => {
      const { context, page, chat } = await openPage(browser, size, theme);
      await chat.open('/');
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await expect(page.getByTestId('empty-state')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `${size}-${theme}-empty`);

      // Slow enough that the reasoning lasts a few seconds, like a real model's.
      await chat.withSimulatorFault('chunk-delay=45');
      await chat.send(
        `Compare quicksort and mergesort, with code ${uniqueTag()}`,
        size === 'phone' ? 'button' : 'enter',
      );
      const answer = chat.lastAnswer();
      await expect(answer.getByTestId('reasoning-content')).toBeVisible();
      if (size === 'desktop') await snap(page, testInfo, `${size}-${theme}-thinking`);
      await chat.waitForAnswer();
      await chat.clearSimulatorFault();

      await answer.getByTestId('reasoning-toggle').click();
      await page.getByTestId('chat-scroll').evaluate((el) => {
        el.scrollTop = 0;
      });
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `${size}-${theme}-answer`);

      await answer.getByTestId('markdown-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `${size}-${theme}-table-code`);

      if (size === 'phone') {
        await page.getByTestId('sidebar-open').click();
        await expect(page.getByTestId('sidebar')).toBeInViewport({ ratio: 1 });
        await snap(page, testInfo, `${size}-${theme}-drawer`);
      } else {
        await page.getByTestId('model-picker').click();
        await expect(page.getByTestId('model-menu')).toBeVisible();
        await snap(page, testInfo, `${size}-${theme}-model-menu`);
      }
      await context.close();
    });
  }
}

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: /usage and /admin`, async ({ browser }, testInfo) => {
      const { context, page, chat } = await openPage(browser, size, theme);
      // Something to account for: one answered turn today.
      await chat.open('/');
      await chat.send(`Usage for the screenshots ${uniqueTag()}`, size === 'phone' ? 'button' : 'enter');
      await chat.waitForAnswer();

      await page.goto('/usage');
      await expect(page.getByTestId('usage-today').locator('tbody tr').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `${size}-${theme}-usage`);

      await page.goto('/admin');
      const rows = page.getByTestId('admin-user-row');
      await expect(rows.first()).toBeVisible();
      await rows.last().getByTestId('admin-edit-limits').click();
      await expect(rows.last().getByTestId('limits-form')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await snap(page, testInfo, `${size}-${theme}-admin`);
      await context.close();
    });
  }
}
