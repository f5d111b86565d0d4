import type { Page } from '@playwright/test';
import { expect, test, uniqueTag } from './fixtures';

/** Scrolls the transcript to its very top (again, while the virtualised list settles its measures). */
async function scrollToTop(page: Page) {
  await page.getByTestId('chat-scroll').evaluate((element) => {
    element.scrollTop = 0;
  });
}

test.describe('long conversations and rich answers', () => {
  test('a long conversation reopens at its latest message, and scrolling up reaches the first', async ({
    chat,
    page,
  }) => {
    test.setTimeout(240_000);
    await chat.open('/');
    await chat.withSimulatorFault('chunks=4;chunk-delay=0');
    const tag = uniqueTag();
    const first = `First question of a long chat ${tag}`;
    await chat.ask(first);
    for (let turn = 2; turn <= 16; turn++) await chat.ask(`Question ${turn} of the long chat ${tag}`);
    const last = `Last question of the long chat ${tag}`;
    await chat.ask(last);
    await chat.clearSimulatorFault();

    await page.reload();
    // Opens at the bottom: the latest answer is on screen, the composer takes input.
    await expect(chat.lastAnswer()).toBeInViewport();
    await expect(chat.userMessages().filter({ hasText: last })).toHaveCount(1);
    await chat.composer().fill('typing works');
    await expect(chat.composer()).toHaveValue('typing works');
    // Only the messages near the viewport are in the page (the list is virtualised).
    await expect(chat.userMessages().filter({ hasText: first })).toHaveCount(0);

    // Scrolling to the top shows the first question; jumping back shows the latest answer again.
    await expect(async () => {
      await scrollToTop(page);
      await expect(chat.userMessages().filter({ hasText: first })).toBeInViewport({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await page.getByTestId('jump-to-latest').click();
    await expect(chat.lastAnswer()).toBeInViewport();
  });

  test('math is typeset and a mermaid diagram is drawn, safely', async ({ chat, page }) => {
    await chat.open('/');
    // The simulator quotes the question in its answer, so the answer's markdown holds both.
    const question = [
      `Math and a diagram ${uniqueTag()}`,
      '$$',
      'e^{i\\pi} + 1 = 0',
      '$$',
      '```mermaid',
      'graph TD',
      '  A[Start] --> B["End <img src=x onerror=window.__pwned=1>"]',
      '```',
    ].join('\n');
    const answer = await chat.ask(question);

    const math = answer.locator('.katex-display');
    await expect(math).toBeVisible();
    await expect(math.locator('math annotation')).toHaveText('e^{i\\pi} + 1 = 0');

    const diagram = answer.getByTestId('mermaid-diagram');
    await expect(diagram).toBeVisible();
    const image = diagram.getByRole('img', { name: 'Diagram' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
    // The label's markup never became an element of the page, and nothing ran.
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await diagram.getByText('Diagram source').click();
    await expect(diagram.locator('pre')).toContainText('graph TD');
  });
});

test('screenshots: math, a diagram, a wide table and long code lines at desktop and phone, light and dark', async ({
  chat,
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await chat.open('/');
  await chat.ask(
    [
      `Rich answer ${uniqueTag()}`,
      'Inline $a^2 + b^2 = c^2$ and a display formula:',
      '$$',
      '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
      '$$',
      '```mermaid',
      'graph LR',
      '  Q[Question] --> M[Model] --> A[Answer]',
      '```',
    ].join('\n'),
  );
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
        storageState: 'tmp/e2e-auth/user.json',
      });
      const view = await context.newPage();
      await view.goto(url);
      const answer = view.getByTestId('assistant-message').last();
      // A fresh page on a machine shared by several test runs: allow for a slow first load.
      await expect(answer.locator('.katex-display')).toBeVisible({ timeout: 30_000 });
      await expect(answer.getByTestId('mermaid-diagram')).toBeVisible({ timeout: 30_000 });
      await answer.getByTestId('mermaid-diagram').scrollIntoViewIfNeeded();
      // Wide content scrolls inside its own block, never the page.
      const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const name = `math-diagram-${size}-${theme}`;
      await view.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
      if (process.env.SCREENSHOTS_DIR) {
        await view.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, animations: 'disabled' });
      }
      await context.close();
    }
  }
});
