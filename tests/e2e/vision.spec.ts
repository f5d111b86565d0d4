import type { Browser, Page, TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { ChatPage, expect, test, uniqueTag } from './fixtures';

/**
 * Images in chat, end to end: paste one, drag another in, send, read the simulator's analysis of
 * both, and find the thumbnails again after a reload; then the text-only model's choice.
 */

async function png(width: number, height: number, background: string): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
  return bytes.toString('base64');
}

/** Builds a File in the page and dispatches a paste (target: the composer) or a drop (the chat). */
async function deliver(page: Page, how: 'paste' | 'drop', base64: string, name: string) {
  const target =
    how === 'paste'
      ? page.getByTestId('composer-input')
      : page.getByTestId('message-list').or(page.getByTestId('empty-state'));
  await target.first().evaluate(
    (element, { how, base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/png' }));
      if (how === 'paste') {
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
        return;
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { how, base64, name },
  );
}

test.describe('vision', () => {
  test('paste an image, drag one in, send, see the analysis and the thumbnails after a reload', async ({
    chat,
    page,
  }) => {
    await chat.open('/');
    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-flash').click();
    await expect(page.getByTestId('attach-button')).toBeEnabled();

    await deliver(page, 'paste', await png(300, 200, '#e01010'), 'pasted.png');
    await deliver(page, 'drop', await png(120, 80, '#1040e0'), 'dropped.png');
    const thumbs = page.getByTestId('attachment-thumb');
    await expect(thumbs).toHaveCount(2);
    await expect(thumbs.nth(0)).toHaveAttribute('data-status', 'ready');
    await expect(thumbs.nth(1)).toHaveAttribute('data-status', 'ready');

    // Remove one and add it back: the tray is editable before sending.
    await thumbs.nth(1).getByTestId('attachment-remove').click();
    await expect(thumbs).toHaveCount(1);
    await deliver(page, 'drop', await png(120, 80, '#1040e0'), 'dropped.png');
    await expect(thumbs.nth(1)).toHaveAttribute('data-status', 'ready');

    const question = `What is in these pictures ${uniqueTag()}?`;
    const answer = await chat.ask(question);
    await expect(page.getByTestId('attachment-thumb')).toHaveCount(0);
    await expect(answer).toContainText('I received 2 images');
    await expect(answer).toContainText('300 × 200 pixels (aspect ratio 3:2)');
    await expect(answer).toContainText('120 × 80 pixels (aspect ratio 3:2)');
    await expect(answer).toContainText('Dominant colours: red');
    await expect(answer).toContainText('Dominant colours: blue');
    await expect(chat.userMessages().last().getByTestId('message-image')).toHaveCount(2);

    await page.reload();
    const images = chat.userMessages().last().getByTestId('message-image');
    await expect(images).toHaveCount(2);
    // Loaded through the owner-only route (naturalWidth 0 would mean a broken image).
    await expect
      .poll(() =>
        images
          .first()
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(300);
    await images.first().click();
    await expect(page.getByTestId('image-viewer-image')).toBeVisible();
    await page.getByTestId('image-viewer-close').click();
    await expect(page.getByTestId('image-viewer-image')).toHaveCount(0);
  });

  test('a text-only model offers a choice instead of an upstream error', async ({ chat, page }, testInfo) => {
    await chat.open('/');
    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-flash').click();
    await deliver(page, 'paste', await png(64, 64, '#20a040'), 'green.png');
    await expect(page.getByTestId('attachment-thumb')).toHaveAttribute('data-status', 'ready');
    await chat.ask(`Which colour ${uniqueTag()}?`);

    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-v4-pro').click();
    const notice = page.getByTestId('vision-notice');
    await expect(notice).toHaveAttribute('data-state', 'history');
    await expect(page.getByTestId('attach-button')).toBeDisabled();
    await expect(page.getByTestId('attach-tooltip')).toContainText('cannot read images');
    await chat.composer().fill('Now without the picture');
    await expect(page.getByTestId('send-button')).toBeDisabled();
    await snap(page, testInfo, 'vision-desktop-light-text-only-choice');

    await page.getByTestId('vision-send-without').click();
    await expect(notice).toHaveAttribute('data-state', 'dropping');
    const answer = await chat.ask('Now without the picture');
    await expect(answer.getByTestId('usage-model')).toHaveText(/Pro/);
    await expect(answer).not.toContainText('I received');

    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-v4-pro').click();
    await expect(page.getByTestId('vision-notice')).toBeVisible();
    await page.getByTestId('vision-switch').click();
    await expect(page.getByTestId('vision-notice')).toHaveCount(0);
    await expect(page.getByTestId('attach-button')).toBeEnabled();
  });
});

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

async function snapContext(browser: Browser, size: keyof typeof viewports, theme: 'light' | 'dark') {
  const context = await browser.newContext({
    viewport: viewports[size],
    colorScheme: theme,
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    deviceScaleFactor: 1,
    storageState: 'tmp/e2e-auth/user.json',
  });
  return { context, page: await context.newPage() };
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png` });
}

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: images in the composer and in the conversation`, async ({ browser }, testInfo) => {
      const { context, page } = await snapContext(browser, size, theme);
      const chat = new ChatPage(page);
      await chat.open('/');
      await page.getByTestId('model-picker').click();
      await page.getByTestId('model-option-deepseek-flash').click();
      await deliver(page, 'paste', await png(640, 400, '#3b82f6'), 'blue.png');
      await deliver(page, 'paste', await png(300, 300, '#f59e0b'), 'amber.png');
      await expect(page.getByTestId('attachment-thumb').nth(1)).toHaveAttribute('data-status', 'ready');
      await chat.composer().fill('Describe both images');
      await snap(page, testInfo, `vision-${size}-${theme}-composer`);
      await page.getByTestId('send-button').click();
      await chat.waitForAnswer();
      await chat.userMessages().last().scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(page, testInfo, `vision-${size}-${theme}-conversation`);
      await chat.userMessages().last().getByTestId('message-image').first().click();
      await expect(page.getByTestId('image-viewer-image')).toBeVisible();
      await snap(page, testInfo, `vision-${size}-${theme}-viewer`);
      await context.close();
    });
  }
}
