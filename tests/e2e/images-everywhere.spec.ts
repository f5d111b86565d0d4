import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { expect, test, uniqueTag, watchForProblems } from './fixtures';

/**
 * Images beyond the chat: the compare composer (a vision pane sees the image, a text-only pane
 * gets the text and says so), playground user messages (run, code view, a link naming someone
 * else's image), and share pages (the snapshot's image through its token route) and exports.
 */

async function png(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** Builds a File in the page and dispatches a paste or a drop on the first element with `testId`. */
async function deliver(page: Page, testId: string, how: 'paste' | 'drop', bytes: Buffer, name: string) {
  await page
    .getByTestId(testId)
    .first()
    .evaluate(
      (element, { how, base64, name }) => {
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type: 'image/png' }));
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
      { how, base64: bytes.toString('base64'), name },
    );
}

const loaded = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .locator('img')
    .first()
    .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);

async function setPaneModel(page: Page, paneIndex: number, model: string) {
  await page.getByTestId('pane-header').nth(paneIndex).getByTestId('pane-settings-button').click();
  await page.getByTestId('pane-model').selectOption(model);
  await page.keyboard.press('Escape');
}

/** The draft's panes: the first reads images (deepseek-flash), the second is text-only. */
async function visionAndTextPanes(page: Page) {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-pane-draft')).toHaveCount(2);
  await setPaneModel(page, 0, 'deepseek-flash');
  await setPaneModel(page, 1, 'deepseek-v4-pro');
  await expect(page.getByTestId('attach-button')).toBeEnabled();
}

test('compare: the image reaches the vision pane only, and stays there after a reload', async ({ page }) => {
  const problems = watchForProblems(page);
  await visionAndTextPanes(page);
  await deliver(page, 'compare-workspace', 'drop', await png(240, 160, '#e01010'), 'red.png');
  await expect(page.getByTestId('attachment-thumb').first()).toHaveAttribute('data-status', 'ready');
  // An images-only question waits for text while a text-only pane takes part.
  await expect(page.getByTestId('compare-images-need-text')).toBeVisible();
  await expect(page.getByTestId('send-button')).toBeDisabled();
  await page.getByTestId('composer-input').fill(`What is this ${uniqueTag()}?`);
  await page.getByTestId('send-button').click();

  const [vision, textOnly] = [page.getByTestId('compare-pane').nth(0), page.getByTestId('compare-pane').nth(1)];
  await expect(vision.getByTestId('assistant-message').last()).toContainText('240 × 160 pixels', { timeout: 30_000 });
  await expect(page.getByTestId('compare-workspace')).toHaveAttribute('data-busy', 'false', { timeout: 30_000 });
  await expect(vision.getByTestId('message-image')).toHaveCount(1);
  await expect(textOnly.getByTestId('message-image')).toHaveCount(0);
  await expect(textOnly.getByTestId('pane-no-images')).toContainText('cannot read images');
  await expect(textOnly.getByTestId('assistant-message').last()).not.toContainText('pixels');

  await page.reload();
  await expect(page.getByTestId('compare-pane').nth(0).getByTestId('message-image')).toHaveCount(1);
  await expect.poll(() => loaded(page, 'message-images')).toBe(true);
  await expect(page.getByTestId('compare-pane').nth(1).getByTestId('pane-no-images')).toBeVisible();
  expect(problems).toEqual([]);
});

test('compare: no pane reads images → the attach control is off and says why', async ({ page }) => {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-pane-draft')).toHaveCount(2);
  await setPaneModel(page, 0, 'deepseek-v4-pro');
  await setPaneModel(page, 1, 'deepseek-v4-pro');
  await expect(page.getByTestId('attach-button')).toBeDisabled();
  await expect(page.getByTestId('attach-tooltip')).toContainText('None of the panes');
});

test('playground: paste an image into a user message, run, see its size; code view has a placeholder', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/playground');
  await expect(page.getByTestId('playground-model')).toBeEnabled();
  await page.getByTestId('playground-model').selectOption('deepseek-flash');
  await page.getByTestId('message-content').first().fill(`Describe this ${uniqueTag()}`);
  await deliver(page, 'message-content', 'paste', await png(320, 180, '#10a040'), 'green.png');
  await expect(page.getByTestId('playground-image')).toHaveCount(1);
  await expect.poll(() => loaded(page, 'playground-image')).toBe(true);
  // The URL carries the attachment id, never the bytes.
  await expect.poll(() => page.url().length).toBeLessThan(2000);

  await page.getByTestId('playground-run').click();
  const run = page.getByTestId('run-output').first();
  await expect(run).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(run.getByTestId('run-answer')).toContainText('320 × 180 pixels');

  await page.getByTestId('playground-view-code').click();
  await expect(page.getByTestId('code-snippet')).toContainText('<BASE64 OF image-');
  await expect(page.getByTestId('code-images-note')).toContainText('placeholders');
  await page.keyboard.press('Escape');

  // A text-only model: the attach control is off with the reason, and Run is held back.
  await page.getByTestId('playground-model').selectOption('deepseek-v4-pro');
  await expect(page.getByTestId('attach-button').first()).toBeDisabled();
  await expect(page.getByTestId('playground-run')).toBeDisabled();
  expect(problems).toEqual([]);
});

test('playground: a link naming someone else’s image says the viewer cannot use it', async ({ page }) => {
  await page.goto('/playground');
  await expect(page.getByTestId('playground-model')).toBeEnabled();
  const state = {
    model: 'deepseek-flash',
    messages: [
      { role: 'user', content: 'What is this?', images: [{ id: crypto.randomUUID(), mediaType: 'image/png' }] },
    ],
  };
  const encoded = Buffer.from(JSON.stringify(state)).toString('base64url');
  await page.goto(`/playground?s=1.${encoded}`);
  await expect(page.getByTestId('playground-image-unavailable')).toContainText('cannot open');
  await page.getByTestId('playground-image-remove').click();
  await expect(page.getByTestId('playground-image-unavailable')).toHaveCount(0);
});

/** A conversation with one image, made through the API as the signed-in user. */
async function conversationWithImage(request: APIRequestContext, bytes: Buffer) {
  const uploaded = await request.post('/api/attachments', { data: bytes, headers: { 'content-type': 'image/png' } });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { attachment } = (await uploaded.json()) as { attachment: { id: string; url: string } };
  const response = await request.post('/api/chat', {
    data: {
      message: {
        id: `m${uniqueTag()}`,
        role: 'user',
        parts: [
          { type: 'file', mediaType: 'image/png', url: attachment.url },
          { type: 'text', text: 'What is this picture?' },
        ],
      },
      trigger: 'submit-message',
      model: 'deepseek-flash',
      params: { thinking: false },
    },
  });
  expect(response.status()).toBe(200);
  const conversationId = response.headers()['x-conversation-id']!;
  await response.body();
  return { conversationId, attachment };
}

test('share: a signed-out viewer sees the snapshot’s image; other attachments 404; the HTML export embeds it', async ({
  page,
  browser,
}) => {
  const { conversationId, attachment } = await conversationWithImage(page.request, await png(200, 120, '#2060d0'));
  await expect
    .poll(async () => (await (await page.request.get(`/api/conversations/${conversationId}`)).json()).messages?.length)
    .toBe(2);
  const shared = await page.request.post('/api/shares', { data: { conversationId, expiry: '1d' } });
  const path = ((await shared.json()) as { share: { path: string } }).share.path;
  const other = await page.request.post('/api/attachments', {
    data: await png(10, 10, '#000000'),
    headers: { 'content-type': 'image/png' },
  });
  const otherId = ((await other.json()) as { attachment: { id: string } }).attachment.id;

  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await anonymous.newPage();
  const problems = watchForProblems(viewer);
  await viewer.goto(path);
  const image = viewer.getByTestId('share-image');
  await expect(image).toHaveAttribute('src', `${path}/images/${attachment.id}`);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(200);
  expect((await viewer.request.get(`${path}/images/${otherId}`)).status()).toBe(404);
  expect((await viewer.request.get(attachment.url)).status()).toBe(401);
  expect(problems).toEqual([]);
  await anonymous.close();

  const html = await (await page.request.get(`/api/export/${conversationId}?format=html`)).text();
  expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
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
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
  if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png` });
}

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: images in compare, the playground and a share page`, async ({ browser }, testInfo) => {
      const { context, page } = await snapContext(browser, size, theme);
      await visionAndTextPanes(page);
      await deliver(page, 'compare-workspace', 'drop', await png(480, 320, '#f59e0b'), 'amber.png');
      await expect(page.getByTestId('attachment-thumb').first()).toHaveAttribute('data-status', 'ready');
      await page.getByTestId('composer-input').fill('What colour is this?');
      await page.getByTestId('send-button').click();
      await expect(page.getByTestId('compare-pane').nth(0).getByTestId('assistant-message').last()).toContainText(
        '480 × 320 pixels',
        { timeout: 30_000 },
      );
      await expect(page.getByTestId('compare-workspace')).toHaveAttribute('data-busy', 'false', { timeout: 30_000 });
      await expect(page.getByTestId('pane-no-images')).toBeVisible();
      // The question with its thumbnail, not the end of the long simulated answers.
      await page.getByTestId('pane-scroll').evaluateAll((elements) => {
        for (const element of elements) element.scrollTop = 0;
      });
      await snap(page, testInfo, `images-compare-${size}-${theme}`);

      await page.goto('/playground');
      await expect(page.getByTestId('playground-model')).toBeEnabled();
      await page.getByTestId('playground-model').selectOption('deepseek-flash');
      await deliver(page, 'message-content', 'paste', await png(320, 180, '#3b82f6'), 'blue.png');
      await expect.poll(() => loaded(page, 'playground-image')).toBe(true);
      await page.getByTestId('playground-image').first().scrollIntoViewIfNeeded();
      await snap(page, testInfo, `images-playground-${size}-${theme}`);

      const { conversationId } = await conversationWithImage(page.request, await png(400, 240, '#10b981'));
      await expect
        .poll(
          async () => (await (await page.request.get(`/api/conversations/${conversationId}`)).json()).messages?.length,
        )
        .toBe(2);
      const shared = await page.request.post('/api/shares', { data: { conversationId, expiry: '1d' } });
      await page.goto(((await shared.json()) as { share: { path: string } }).share.path);
      await expect
        .poll(() => page.getByTestId('share-image').evaluate((element: HTMLImageElement) => element.naturalWidth))
        .toBe(400);
      await snap(page, testInfo, `images-share-${size}-${theme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });
  }
}
