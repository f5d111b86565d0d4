import type { APIRequestContext } from '@playwright/test';
import { expect, test, uniqueTag } from './fixtures';

/** Creates a conversation through the real chat API (the simulator answers at full speed). */
async function createConversation(request: APIRequestContext, text: string) {
  const response = await request.post('/api/chat', {
    headers: { 'x-simulator-fault': 'chunk-delay=0' },
    data: {
      message: { id: `seed${uniqueTag()}${uniqueTag()}`, role: 'user', parts: [{ type: 'text', text }] },
      trigger: 'submit-message',
      model: (await (await request.get('/api/models')).json()).defaultModel,
      params: { thinking: false },
    },
  });
  expect(response.ok()).toBe(true);
  return response.headers()['x-conversation-id'];
}

test('the sidebar lists conversations newest first and loads older ones on demand', async ({ chat, page }) => {
  const tag = uniqueTag();
  // One page is 30 rows: make sure there are more than that, the newest being ours.
  for (let index = 0; index < 31; index++) await createConversation(page.request, `Seeded ${tag} #${index}`);

  await chat.open('/');
  await expect(chat.sidebarItems()).toHaveCount(30);
  await expect(chat.sidebarItems().first()).toContainText(`Seeded ${tag} #30`);
  await expect(chat.sidebarItems().nth(1)).toContainText(`Seeded ${tag} #29`);
  await page.getByTestId('load-more').click();
  await expect.poll(() => chat.sidebarItems().count()).toBeGreaterThan(30);
  await expect(chat.sidebarItem(`Seeded ${tag} #0`)).toHaveCount(1);

  // Opening one highlights it and shows its stored messages.
  await chat.sidebarItem(`Seeded ${tag} #29`).getByRole('link').click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(chat.sidebarItem(`Seeded ${tag} #29`)).toHaveAttribute('data-active', 'true');
  await expect(chat.userMessages().first()).toContainText(`Seeded ${tag} #29`);
  await expect(chat.lastAnswer().getByTestId('usage-output')).toBeVisible();
});

test('drafts are kept per conversation and "New chat" starts afresh', async ({ chat, page }) => {
  await chat.open('/');
  const question = `Draft test ${uniqueTag()}`;
  await chat.ask(question);
  const conversationUrl = page.url();

  await chat.composer().fill('an unsent thought about this conversation');
  await page.getByTestId('new-chat').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(chat.composer()).toHaveValue('');
  await chat.composer().fill('a draft for a new chat');

  await page.goto(conversationUrl);
  await expect(chat.userMessages().first()).toContainText(question);
  await expect(chat.composer()).toHaveValue('an unsent thought about this conversation');

  await page.reload();
  await expect(chat.composer()).toHaveValue('an unsent thought about this conversation');
  await page.getByTestId('new-chat').click();
  await expect(chat.composer()).toHaveValue('a draft for a new chat');

  // Shift+Enter adds a line instead of sending; the box grows with it.
  const before = await chat.composer().evaluate((el) => el.clientHeight);
  await chat.composer().press('Shift+Enter');
  await chat.composer().pressSequentially('second line');
  await expect(chat.composer()).toHaveValue('a draft for a new chat\nsecond line');
  expect(await chat.composer().evaluate((el) => el.clientHeight)).toBeGreaterThan(before);
  await expect(chat.userMessages()).toHaveCount(0);
});

test('the phone layout opens the sidebar as a drawer', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  const sidebar = page.getByTestId('sidebar');
  await expect(sidebar).not.toBeInViewport();
  await page.getByTestId('sidebar-open').click();
  await expect(sidebar).toBeInViewport({ ratio: 1 });
  await sidebar.getByTestId('new-chat').click();
  await expect(sidebar).not.toBeInViewport();
  // Language and theme live in one menu at this width.
  await page.getByTestId('display-menu-button').click();
  await page.getByTestId('theme-option-dark').click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await context.close();
});
