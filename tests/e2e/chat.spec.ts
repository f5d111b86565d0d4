import { expect, test, uniqueTag } from './fixtures';

test.describe('chat', () => {
  test('a new chat streams markdown with highlighted code, copies it, and survives a reload', async ({
    chat,
    page,
  }) => {
    await chat.open('/');
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'How can I help you today?' })).toBeVisible();
    await expect(page.getByTestId('example-prompt')).toHaveCount(4);

    const question = `Show me quicksort with a complexity table ${uniqueTag()}`;
    const answer = await chat.ask(question);

    // The new conversation took over the URL without a reload, and the sidebar lists it, active.
    await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
    const conversationUrl = page.url();
    await expect(chat.sidebarItem(question)).toHaveAttribute('data-active', 'true');
    await expect(page).toHaveTitle(`${question} · DeepSeek Studio`);

    // Markdown: a heading, a blockquote, a list, a table that scrolls on its own, code blocks.
    await expect(answer.getByRole('heading').first()).toContainText(question.slice(0, 20));
    await expect(answer.locator('blockquote')).toContainText(question);
    await expect(answer.getByTestId('markdown-table').locator('table')).toBeVisible();
    const code = answer.getByTestId('code-block').first();
    await expect(code).toHaveAttribute('data-complete', 'true');
    // Highlighted by shiki: coloured token spans carrying the light/dark theme variables.
    await expect(code.locator('pre[data-highlighted="true"]')).toBeVisible();
    expect(await code.locator('pre.shiki span[style*="--shiki-dark"]').count()).toBeGreaterThan(3);
    await expect(code.getByTestId('code-language')).not.toHaveText('');

    const answerText = (await answer.getByTestId('markdown').textContent()) ?? '';

    // Copy puts the block's source on the clipboard and says so.
    const source = (await code.locator('pre code').textContent()) ?? '';
    await code.getByTestId('code-copy').click();
    await expect(code.getByTestId('code-copy')).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(source);

    // The footer shows what the answer cost.
    await expect(answer.getByTestId('usage-output')).toBeVisible();
    await expect(answer.getByTestId('usage-cost')).toContainText('$');
    await expect(answer.getByTestId('usage-model')).toHaveText('DeepSeek Flash');

    // A reload reads the stored conversation: same question, same answer, still highlighted.
    await page.reload();
    await expect(page).toHaveURL(conversationUrl);
    await expect(chat.userMessages()).toHaveCount(1);
    await expect(chat.userMessages().first()).toContainText(question);
    await expect(chat.lastAnswer().getByTestId('markdown')).toHaveText(answerText);
    await expect(chat.lastAnswer().locator('pre[data-highlighted="true"]').first()).toBeVisible();
  });

  test('code is highlighted in a web worker, not on the main thread', async ({ chat, page }) => {
    const fallbacks: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('highlighting on the main thread')) fallbacks.push(message.text());
    });
    await chat.open('/');
    const started = page.waitForEvent('worker');
    const answer = await chat.ask(`Show me quicksort in TypeScript ${uniqueTag()}`);
    const worker = await started;

    const code = answer.getByTestId('code-block').first();
    await expect(code.locator('pre[data-highlighted="true"]')).toBeVisible();
    expect(await code.locator('pre.shiki span[style*="--shiki-dark"]').count()).toBeGreaterThan(3);
    // The worker is still running (a failed one is terminated) and shiki's chunks were loaded in it.
    expect(page.workers()).toContain(worker);
    expect(await worker.evaluate(() => performance.getEntriesByType('resource').length)).toBeGreaterThan(1);
    expect(fallbacks).toEqual([]);
  });

  test('code is still highlighted when the highlight worker fails to load', async ({ chat, page }) => {
    // Every worker the page starts points at a script that does not exist: it fails to load.
    await page.addInitScript(() => {
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(_url: string | URL, options?: WorkerOptions) {
          super('/no-such-worker.js', options);
        }
      };
    });
    const fallbacks: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('highlighting on the main thread')) fallbacks.push(message.text());
    });
    await chat.open('/');
    const answer = await chat.ask(`Show me quicksort in TypeScript ${uniqueTag()}`);
    const code = answer.getByTestId('code-block').first();
    await expect(code.locator('pre[data-highlighted="true"]')).toBeVisible();
    expect(await code.locator('pre.shiki span[style*="--shiki-dark"]').count()).toBeGreaterThan(3);
    expect(fallbacks).toHaveLength(1);
  });

  test('a follow-up question is answered with the whole history', async ({ chat }) => {
    await chat.open('/');
    const first = `What is a B-tree ${uniqueTag()}?`;
    await chat.ask(first);
    const second = await chat.ask('And how does it differ from a binary search tree?');
    // The simulator says which turn it answers and quotes the conversation's first question.
    await expect(second).toContainText('This is turn 2 of our conversation');
    await expect(second).toContainText(first);
    await expect(chat.answers()).toHaveCount(2);
  });

  test('Stop keeps the partial answer and marks it stopped; Regenerate writes it again', async ({ chat, page }) => {
    await chat.open('/');
    await chat.ask(`Short warm-up ${uniqueTag()}`);

    await chat.withSimulatorFault('chunk-delay=40;chunks=600');
    await chat.send('Now write a very long essay about databases');
    const answer = chat.answers().nth(1);
    await expect(answer).toHaveAttribute('data-streaming', 'true');
    await expect(answer.getByTestId('markdown')).toContainText('Re:', { timeout: 20_000 });
    await page.getByTestId('stop-button').click();

    await expect(page.getByTestId('send-button')).toBeVisible();
    await expect(answer.getByTestId('message-status')).toHaveText('Stopped');
    const partial = (await answer.getByTestId('markdown').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    // Nothing more arrives after Stop.
    await page.waitForTimeout(600);
    expect(await answer.getByTestId('markdown').textContent()).toBe(partial);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);

    // The server kept the partial answer, marked interrupted.
    await chat.clearSimulatorFault();
    await page.reload();
    const stored = chat.lastAnswer();
    await expect(stored.getByTestId('message-status')).toHaveText('Stopped');
    await expect(stored.getByTestId('markdown')).toContainText(partial.slice(0, 12));
    await expect(chat.answers()).toHaveCount(2);

    // Regenerate replaces it with a complete answer.
    await stored.getByTestId('message-regenerate').click();
    const regenerated = await chat.waitForAnswer();
    await expect(regenerated.getByTestId('message-status')).toHaveCount(0);
    await expect(regenerated.getByTestId('usage-duration')).toBeVisible();
    await expect(chat.answers()).toHaveCount(2);
    await page.reload();
    await expect(chat.answers()).toHaveCount(2);
    await expect(chat.lastAnswer().getByTestId('message-status')).toHaveCount(0);
  });

  test('editing a question replaces it and everything after it', async ({ chat, page }) => {
    await chat.open('/');
    await chat.ask(`Tell me about Rust ${uniqueTag()}`);
    const edited = `Tell me about Go instead ${uniqueTag()}`;
    await chat.userMessages().first().hover();
    await chat.userMessages().first().getByTestId('user-edit').click();
    await page.getByTestId('edit-input').fill(edited);
    await page.getByTestId('edit-save').click();
    const answer = await chat.waitForAnswer();
    await expect(answer.locator('blockquote')).toContainText(edited);
    await expect(chat.userMessages()).toHaveCount(1);
    await page.reload();
    await expect(chat.userMessages()).toHaveCount(1);
    await expect(chat.userMessages().first()).toContainText(edited);
  });

  test('conversations can be renamed and deleted from the sidebar', async ({ chat, page }) => {
    await chat.open('/');
    const question = `Rename me ${uniqueTag()}`;
    await chat.ask(question);
    const item = chat.sidebarItem(question);
    await expect(item).toHaveAttribute('data-active', 'true');

    const title = `Renamed ${uniqueTag()}`;
    await item.getByTestId('conversation-actions').click();
    await page.getByTestId('conversation-rename').click();
    await page.getByTestId('rename-input').fill(title);
    await page.getByTestId('rename-input').press('Enter');
    await expect(chat.sidebarItem(title)).toBeVisible();
    await page.reload();
    const renamed = chat.sidebarItem(title);
    await expect(renamed).toHaveAttribute('data-active', 'true');

    await renamed.getByTestId('conversation-actions').click();
    await page.getByTestId('conversation-delete').click();
    const dialog = page.getByTestId('delete-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(title);
    await dialog.getByTestId('confirm-delete').click();
    await expect(chat.sidebarItem(title)).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
    await page.reload();
    await expect(chat.sidebarItem(title)).toHaveCount(0);
  });

  test('the thinking panel streams with a timer, folds when the answer starts and reopens', async ({ chat, page }) => {
    await chat.open('/');
    await expect(page.getByTestId('thinking-toggle')).toHaveAttribute('aria-checked', 'true');
    await page.getByTestId('effort-select').click();
    await page.getByTestId('effort-option-max').click();
    await expect(page.getByTestId('effort-select')).toContainText('Max');

    await chat.withSimulatorFault('chunk-delay=60');
    await chat.send(`Think hard about prime numbers ${uniqueTag()}`);
    const panel = chat.lastAnswer().getByTestId('reasoning-panel');
    await expect(panel.getByTestId('reasoning-label')).toContainText('Thinking…');
    await expect(panel.getByTestId('reasoning-content')).toBeVisible();
    await expect(panel.getByTestId('reasoning-toggle')).toHaveAttribute('aria-expanded', 'true');

    // Once the answer starts the panel folds to "Thought for …".
    await expect(chat.lastAnswer().getByTestId('markdown')).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByTestId('reasoning-toggle')).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByTestId('reasoning-label')).toContainText(/Thought for/);
    await expect(panel.getByTestId('reasoning-content')).toHaveCount(0);
    await chat.waitForAnswer();

    await panel.getByTestId('reasoning-toggle').click();
    await expect(panel.getByTestId('reasoning-content')).toContainText('prime numbers');
    await panel.getByTestId('reasoning-toggle').click();
    await expect(panel.getByTestId('reasoning-content')).toHaveCount(0);

    // With thinking off the next answer has no reasoning at all.
    await chat.clearSimulatorFault();
    await page.getByTestId('thinking-toggle').click();
    await expect(page.getByTestId('thinking-toggle')).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('effort-select')).toHaveCount(0);
    const plain = await chat.ask('And without thinking?');
    await expect(plain.getByTestId('reasoning-panel')).toHaveCount(0);
    await expect(plain.locator('tr', { hasText: 'Thinking' })).toContainText('off');
  });

  test('an upstream failure shows an error in words with a working Retry', async ({ chat, page }) => {
    await chat.open('/');
    await chat.withSimulatorFault(`status=401;times=1;key=e2e-${uniqueTag()}`);
    await chat.send(`Will this fail ${uniqueTag()}?`);
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText("The server's DeepSeek API key is invalid. Tell the operator of this instance.");
    await expect(chat.lastAnswer().getByTestId('message-status')).toHaveText('Error');

    await banner.getByTestId('error-retry').click();
    const answer = await chat.waitForAnswer();
    await expect(banner).toHaveCount(0);
    await expect(answer.getByTestId('message-status')).toHaveCount(0);
    await expect(answer.getByTestId('markdown')).toContainText('Will this fail');
  });

  test('scrolling up while an answer streams stops auto-scroll and offers a jump back', async ({ chat, page }) => {
    await chat.open('/');
    await chat.withSimulatorFault('chunk-delay=25;chunks=800');
    await chat.send(`A long answer please ${uniqueTag()}`);
    const markdown = chat.lastAnswer().getByTestId('markdown');
    await expect(markdown.locator('pre').first()).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('message-list').hover();
    await page.mouse.wheel(0, -600);
    await expect(page.getByTestId('jump-to-latest')).toBeVisible();
    const scroller = page.getByTestId('chat-scroll');
    const top = await scroller.evaluate((el) => el.scrollTop);
    await page.waitForTimeout(500);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(top);

    await page.getByTestId('jump-to-latest').click();
    await expect(page.getByTestId('jump-to-latest')).toHaveCount(0);
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThan(60);
    await page.getByTestId('stop-button').click();
  });

  test('a finished code block is highlighted once and left alone while the answer streams on', async ({ chat }) => {
    await chat.open('/');
    await chat.withSimulatorFault('chunk-delay=20;chunks=700');
    await chat.send(`Two code samples and a long tail ${uniqueTag()}`);
    const answer = chat.lastAnswer();
    const first = answer.getByTestId('code-block').first();
    await expect(first.locator('pre[data-highlighted="true"]')).toBeVisible({ timeout: 20_000 });
    await expect(answer).toHaveAttribute('data-streaming', 'true');

    // Watch the finished block's DOM while later tokens arrive: nothing in it may change.
    await first.evaluate((element) => {
      const watched = element as HTMLElement & { mutations?: number };
      watched.mutations = 0;
      new MutationObserver((records) => {
        watched.mutations = (watched.mutations ?? 0) + records.length;
      }).observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const textBefore = (await answer.getByTestId('markdown').textContent())?.length ?? 0;
    await expect(answer.getByTestId('code-block').nth(1)).toHaveAttribute('data-complete', 'true');
    await expect
      .poll(async () => (await answer.getByTestId('markdown').textContent())?.length ?? 0)
      .toBeGreaterThan(textBefore + 200);
    expect(await first.evaluate((element) => (element as HTMLElement & { mutations?: number }).mutations)).toBe(0);
    await chat.page.getByTestId('stop-button').click();
  });

  test('the header is driven by the registry: a model without thinking disables the toggle', async ({ chat, page }) => {
    // Add a model that cannot think to the server's real answer (configuration, not code, decides).
    await page.route('**/api/models', async (route) => {
      const response = await route.fetch();
      const registry = await response.json();
      const plain = {
        ...registry.models[0],
        id: 'plain-model',
        label: 'Plain Model',
        description: 'No thinking mode',
        thinking: { supported: false, defaultEnabled: false, efforts: [] },
      };
      await route.fulfill({ response, json: { ...registry, models: [...registry.models, plain] } });
    });
    await chat.open('/');
    await page.getByTestId('model-picker').click();
    await expect(page.getByTestId('model-menu')).toContainText('No thinking mode');
    await page.getByTestId('model-option-plain-model').click();
    await expect(page.getByTestId('model-picker')).toContainText('Plain Model');
    const toggle = page.getByTestId('thinking-toggle');
    await expect(toggle).toBeDisabled();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('effort-select')).toHaveCount(0);
    await expect(page.getByTestId('thinking-tooltip')).toHaveText('Plain Model has no thinking mode.');

    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-v4-pro').click();
    await expect(toggle).toBeEnabled();
    await expect(page.getByTestId('effort-select')).toBeVisible();
  });

  test('opening a conversation shows the model and thinking mode it was using', async ({ chat, page }) => {
    await chat.open('/');
    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-v4-pro').click();
    await page.getByTestId('thinking-toggle').click();
    await expect(page.getByTestId('thinking-toggle')).toHaveAttribute('aria-checked', 'false');
    const question = `Which model answers this? ${uniqueTag()}`;
    await chat.ask(question);
    await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
    const proConversation = page.url();

    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-option-deepseek-flash').click();
    await page.getByTestId('thinking-toggle').click();
    await expect(page.getByTestId('thinking-toggle')).toHaveAttribute('aria-checked', 'true');

    await chat.open(proConversation);
    await expect(page.getByTestId('model-picker-label')).toHaveText('DeepSeek V4 Pro');
    await expect(page.getByTestId('thinking-toggle')).toHaveAttribute('aria-checked', 'false');
  });

  test('an unknown conversation shows "not found"', async ({ chat, page }) => {
    await chat.open('/c/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Start a new chat' }).click();
    await expect(page.getByTestId('empty-state')).toBeVisible();
  });
});

test.describe('preferences', () => {
  test('switching to Chinese and dark mode translates the UI and persists without a flash', async ({ chat, page }) => {
    await chat.open('/');
    await expect(page.getByTestId('simulator-badge')).toContainText('Offline simulator');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-zh-CN').click();
    await expect(page.getByTestId('new-chat')).toHaveText('新对话');
    await expect(page.getByRole('heading', { name: '今天有什么可以帮你？' })).toBeVisible();
    await expect(chat.composer()).toHaveAttribute('placeholder', '给 DeepSeek 发送消息…');
    await expect(page.getByTestId('simulator-badge')).toContainText('离线模拟器');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.getByTestId('theme-switch').click();
    await page.getByTestId('theme-option-dark').click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);

    const answer = await chat.ask(`用一句话介绍你自己 ${uniqueTag()}`);
    await expect(answer.getByTestId('usage-output')).toContainText('输出');
    await expect(answer.getByTestId('reasoning-label')).toContainText('思考');

    // After a reload the server renders Chinese and the inline script applies dark before paint.
    await page.goto('/');
    await page.waitForLoadState('domcontentloaded');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('new-chat')).toHaveText('新对话');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en').click();
    await expect(page.getByTestId('new-chat')).toHaveText('New chat');
  });

  test('a first visit follows the browser language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('new-chat')).toHaveText('新对话');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await context.close();
  });
});
