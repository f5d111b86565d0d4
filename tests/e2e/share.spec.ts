import { readFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test, uniqueTag, watchForProblems } from './fixtures';
import { newUserContext } from './session';

/*
 * Share links end to end: share from a conversation, open it signed out, continue as a copy in
 * another account, revoke → 404; export each format from the header; import; hostile markdown stays
 * inert on the share page and in the HTML export; a 300-message conversation prints completely.
 */

const payloads = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '[click me](javascript:window.__xss=3)',
  '![tracker](http://tracker.invalid/pixel.png)',
  '<a href="javascript:window.__xss=4">raw link</a>',
].join('\n\n');

function conversationFile(title: string, messages: { role: 'user' | 'assistant'; text: string }[]) {
  const now = new Date().toISOString();
  return {
    format: 'deepseek-studio.conversation',
    version: 1,
    exportedAt: now,
    attachments: 'reference',
    conversation: {
      title,
      model: 'deepseek-flash',
      params: { thinking: false },
      systemPrompt: null,
      createdAt: now,
      updatedAt: now,
      messages: messages.map((message) => ({
        role: message.role,
        status: 'complete',
        model: message.role === 'assistant' ? 'deepseek-flash' : null,
        createdAt: now,
        usage: null,
        parts: [{ type: 'text', text: message.text }],
      })),
    },
  };
}

async function importConversation(request: APIRequestContext, file: object): Promise<string> {
  const response = await request.post('/api/import', { data: file });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { conversations: { id: string }[] }).conversations[0]!.id;
}

async function shareLink(request: APIRequestContext, conversationId: string): Promise<string> {
  const response = await request.post('/api/shares', { data: { conversationId, expiry: '1d' } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { share: { path: string } }).share.path;
}

/** Fails on any dialog and reports the payload's global and requests to the tracker host. */
function watchForXss(page: Page) {
  const seen = { dialogs: 0, tracker: 0 };
  page.on('dialog', (dialog) => {
    seen.dialogs++;
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url().includes('tracker.invalid')) seen.tracker++;
  });
  return seen;
}

test('share from a conversation, view signed out, continue as a copy, revoke → 404', async ({
  chat,
  page,
  browser,
}) => {
  const tag = uniqueTag();
  await chat.open('/');
  await chat.ask(`Share test ${tag}: show me some TypeScript`);
  await expect(page).toHaveURL(/\/c\//);

  await page.getByTestId('share-button').click();
  await page.getByTestId('share-expiry').selectOption('1d');
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymous = await visitor.newPage();
  const problems = watchForProblems(anonymous);
  const response = await anonymous.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(anonymous.getByTestId('share-title')).toContainText(`Share test ${tag}`);
  await expect(anonymous.getByTestId('share-message')).toHaveCount(2);
  await expect(anonymous.getByTestId('share-meta')).toContainText('deepseek-flash');
  await expect(anonymous.locator('pre.shiki[data-highlighted="true"]').first()).toBeVisible();
  await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(anonymous.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(tag));
  await expect(anonymous.getByTestId('share-sign-in')).toBeVisible();
  expect(problems).toEqual([]);

  // Later messages are not in the snapshot.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-dialog')).toBeHidden();
  await chat.ask(`A later, private question ${tag}`);
  await anonymous.reload();
  await expect(anonymous.getByTestId('share-message')).toHaveCount(2);

  const other = await newUserContext(browser, 'copy');
  await other.page.goto(link);
  await other.page.getByTestId('share-continue').click();
  await expect(other.page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(other.page.getByTestId('user-message').first()).toContainText(`Share test ${tag}`);
  await expect(other.page.getByTestId('assistant-message')).toHaveCount(1);

  await page.goto('/shares');
  const row = page.getByTestId('share-row').filter({ hasText: `Share test ${tag}` });
  await expect(row.getByTestId('share-row-views')).toHaveText(/^[2-9]\d*$/);
  await row.getByTestId('share-row-revoke').click();
  await row.getByTestId('share-row-revoke').click();
  await expect(row).toHaveAttribute('data-state', 'revoked');

  const gone = await anonymous.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(anonymous.getByTestId('not-found')).toBeVisible();
  await visitor.close();
  await other.context.close();
});

test('export each format from the conversation header', async ({ chat, page }) => {
  const tag = uniqueTag();
  await chat.open('/');
  await chat.ask(`Export test ${tag}`);
  const checks: Record<string, (text: string) => void> = {
    md: (text) => {
      expect(text).toMatch(/^---\ntitle: "Export test/);
      expect(text).toContain('## Assistant');
    },
    json: (text) => {
      const document = JSON.parse(text);
      expect(document).toMatchObject({ format: 'deepseek-studio.conversation', version: 1 });
      expect(document.conversation.messages).toHaveLength(2);
    },
    txt: (text) => expect(text).toContain(`Export test ${tag}`),
    html: (text) => {
      expect(text).toContain('<!doctype html>');
      expect(text).not.toMatch(/<script/i);
      expect(text).toContain('class="shiki"');
    },
  };
  for (const [format, check] of Object.entries(checks)) {
    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Export-test-${tag}-[0-9a-f]{8}\\.${format}$`));
    check(readFileSync(await download.path(), 'utf8'));
  }
});

test('hostile markdown stays inert on the share page and in the HTML export', async ({ page, browser }, testInfo) => {
  const conversationId = await importConversation(
    page.request,
    conversationFile(`XSS ${uniqueTag()}`, [
      { role: 'user', text: payloads },
      { role: 'assistant', text: payloads },
    ]),
  );
  const path = await shareLink(page.request, conversationId);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymous = await visitor.newPage();
  const seen = watchForXss(anonymous);
  await anonymous.goto(path);
  await expect(anonymous.getByTestId('share-message')).toHaveCount(2);
  // The sanitized link keeps its text but has nowhere to go.
  await expect(anonymous.getByText('click me').first()).toBeVisible();
  expect(await anonymous.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await anonymous.locator('[onerror], script:not([nonce]):not([src])').count()).toBe(0);
  expect(await anonymous.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(seen).toEqual({ dialogs: 0, tracker: 0 });
  await visitor.close();

  const exported = await page.request.get(`/api/export/${conversationId}?format=html`);
  const file = testInfo.outputPath('xss.html');
  writeFileSync(file, await exported.text());
  const offline = await browser.newContext();
  const viewer = await offline.newPage();
  const seenOffline = watchForXss(viewer);
  await viewer.goto(`file://${file}`);
  await expect(viewer.locator('section.message')).toHaveCount(2);
  expect(await viewer.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await viewer.locator('script').count()).toBe(0);
  expect(seenOffline).toEqual({ dialogs: 0, tracker: 0 });
  await offline.close();
});

test('a 300-message conversation prints to PDF with every message', async ({ page, browser }, testInfo) => {
  const messages = Array.from({ length: 300 }, (_, i) => ({
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    text: `Marker M${String(i + 1).padStart(3, '0')} ${i % 2 ? 'an answer with `code` and **bold** text' : 'a question'}`,
  }));
  const conversationId = await importConversation(page.request, conversationFile('Long conversation', messages));
  const exported = await page.request.get(`/api/export/${conversationId}?format=html&disposition=inline`);
  expect(exported.headers()['content-disposition']).toBe('inline');
  const file = testInfo.outputPath('long.html');
  writeFileSync(file, await exported.text());

  const context = await browser.newContext();
  const printer = await context.newPage();
  await printer.goto(`file://${file}`);
  await printer.emulateMedia({ media: 'print' });
  const pdf = await printer.pdf({ format: 'A4', printBackground: true });
  await context.close();
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(totalPages).toBeGreaterThan(5);
  const missing = messages
    .map((_, i) => `M${String(i + 1).padStart(3, '0')}`)
    .filter((marker) => !text.includes(marker));
  expect(missing).toEqual([]);
});

test('import a ChatGPT export from the shared-links page', async ({ page }, testInfo) => {
  const tag = uniqueTag();
  const node = (id: string, parent: string | null, children: string[], role?: string, text?: string) => ({
    id,
    parent,
    children,
    message: role ? { author: { role }, content: { content_type: 'text', parts: [text] } } : null,
  });
  const file = testInfo.outputPath('conversations.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        title: `From ChatGPT ${tag}`,
        current_node: 'a',
        mapping: {
          r: node('r', null, ['u']),
          u: node('u', 'r', ['a'], 'user', 'Hello'),
          a: node('a', 'u', [], 'assistant', 'Hi there'),
        },
      },
    ]),
  );
  await page.goto('/shares');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-result')).toContainText(`From ChatGPT ${tag}`);
  await page
    .getByTestId('import-result')
    .getByRole('link', { name: `From ChatGPT ${tag}` })
    .click();
  await expect(page.getByTestId('assistant-message')).toContainText('Hi there');

  writeFileSync(file, '{"format":"deepseek-studio.conversation","version":9}');
  await page.goto('/shares');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-error')).toBeVisible();
});

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: the share page and the shared-links list`, async ({ browser }, testInfo) => {
      const viewport = size === 'desktop' ? { width: 1280, height: 800 } : { width: 375, height: 812 };
      const options = { viewport, colorScheme: theme, isMobile: size === 'phone', hasTouch: size === 'phone' };
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto('/');
      await expect(page.getByTestId('model-picker')).toBeEnabled();
      await page.getByTestId('composer-input').fill(`Compare quicksort and mergesort, with code ${uniqueTag()}`);
      await page.getByTestId('send-button').click();
      await expect(page.getByTestId('chat-view')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
      const conversationId = /\/c\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      // The header's Share and Export controls fit beside the model picker at every width.
      await expect(page.getByTestId('export-button')).toBeInViewport();
      if (size === 'desktop') await expect(page.getByTestId('share-button')).toBeInViewport();
      else {
        // On phones one button holds Share and the export formats.
        await page.getByTestId('export-button').click();
        await page.getByTestId('export-menu-share').click();
        await expect(page.getByTestId('share-create')).toBeVisible();
        await page.keyboard.press('Escape');
      }
      await snap(page, testInfo, `${size}-${theme}-conversation-actions`);
      const created = await page.request.post('/api/shares', {
        data: { conversationId, expiry: '7d', includeReasoning: true },
      });
      const { share } = (await created.json()) as { share: { path: string } };

      const visitor = await browser.newContext({ ...options, storageState: { cookies: [], origins: [] } });
      const anonymous = await visitor.newPage();
      await anonymous.goto(share.path);
      await expect(anonymous.getByTestId('share-message')).toHaveCount(2);
      const overflow = await anonymous.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(anonymous, testInfo, `${size}-${theme}-share`);
      await visitor.close();

      await page.goto('/shares');
      await expect(page.getByTestId('share-row').first()).toBeVisible();
      const listOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(listOverflow).toBeLessThanOrEqual(0);
      await snap(page, testInfo, `${size}-${theme}-shares`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

async function snap(page: Page, testInfo: { outputPath(name: string): string }, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled' });
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, animations: 'disabled' });
}
