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
    // Opens at the bottom: the latest question and answer are on screen, the composer takes input.
    await expect(chat.userMessages().filter({ hasText: last })).toBeInViewport();
    await expect(chat.lastAnswer()).toBeInViewport();
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
    await expect(chat.userMessages().filter({ hasText: last })).toBeInViewport();
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
      '  A[Start] --> B["<img src=x onerror=window.__pwned=1>"]',
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
