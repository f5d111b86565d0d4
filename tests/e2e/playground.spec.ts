import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, test, uniqueTag, watchForProblems } from './fixtures';

/** The playground: what a developer does there and sees, by test id and role. */
class PlaygroundPage {
  constructor(readonly page: Page) {}

  param = (name: string) => this.page.getByTestId(`param-${name}-input`);
  messages = () => this.page.getByTestId('message-content');
  runs = () => this.page.getByTestId('run-output');
  latest = () => this.runs().first();

  async open(path = '/playground') {
    await this.page.goto(path);
    await expect(this.page.getByTestId('playground-model')).toBeEnabled();
  }

  async run() {
    await this.page.getByTestId('playground-run').click();
  }

  async waitForRun() {
    await expect(this.latest()).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  }

  /** Slows or breaks runs through the simulator's fault header (forwarded in offline mode only). */
  async withSimulatorFault(fault: string) {
    await this.page.route('**/api/playground/run', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-simulator-fault': fault } }),
    );
  }
}

const pg = test.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, use) => {
    const problems = watchForProblems(page);
    await use(new PlaygroundPage(page));
    expect(problems, 'errors in the browser').toEqual([]);
  },
});

pg(
  'set parameters, run, inspect, view and copy code, then open the URL in a fresh page',
  async ({ playground, page, context }) => {
    const tag = uniqueTag();
    await playground.open();
    await playground.messages().first().fill(`Explain prefix caching ${tag}`);

    // Inline validation: not a number, then out of range; Run stays off until fixed (no silent clamp).
    await playground.param('temperature').fill('warm');
    await expect(page.getByTestId('param-temperature-error')).toHaveText('Enter a number.');
    await expect(page.getByTestId('playground-run')).toBeDisabled();
    await playground.param('temperature').fill('2.5');
    await expect(page.getByTestId('param-temperature-error')).toContainText('between 0 and 2');
    await expect(playground.param('temperature')).toHaveValue('2.5');
    await playground.param('temperature').fill('0.4');
    await expect(page.getByTestId('param-temperature-error')).toHaveCount(0);
    // Keyboard control: arrow keys step the value.
    await playground.param('topP').press('ArrowDown');
    await expect(playground.param('topP')).toHaveValue('0.99');
    await page.getByTestId('stop-input').fill('###');
    await page.getByTestId('stop-input').press('Enter');
    await expect(page.getByTestId('stop-list')).toContainText('"###"');

    // Thinking on: temperature is disabled with its reason, and not sent.
    await page.getByTestId('playground-thinking').click();
    await expect(page.getByTestId('param-temperature')).toContainText('Ignored while thinking is on');
    await expect(playground.param('temperature')).toBeDisabled();
    await page.getByTestId('playground-thinking').click();
    await expect(playground.param('temperature')).toHaveValue('0.4');

    await playground.run();
    await playground.waitForRun();
    const run = playground.latest();
    await expect(run.getByTestId('run-answer')).not.toBeEmpty();
    await expect(run.getByTestId('metric-ttft')).toBeVisible();
    await expect(run.getByTestId('metric-output')).toHaveText(/\d/);
    await expect(run.getByTestId('metric-cache-miss')).toHaveText(/\d/);
    await expect(run.getByTestId('metric-finish')).toHaveText(/stop|length/);
    await expect(run.getByTestId('metric-request-id')).not.toBeEmpty();
    await expect(run.getByTestId('metric-cost')).toBeVisible();

    // The inspector shows what the server really sent, credentials as placeholders.
    await run.getByTestId('inspector').locator('summary').click();
    const request = run.getByTestId('inspector-request');
    await expect(request).toContainText('"temperature": 0.4');
    await expect(request).toContainText('"top_p": 0.99');
    await expect(request).toContainText('Bearer <DEEPSEEK_API_KEY>');
    await expect(request).toContainText(tag);
    await run.getByTestId('inspector-tab-response').click();
    await expect(run.getByTestId('inspector-response')).toContainText('HTTP 200');
    await run.getByTestId('inspector-tab-events').click();
    await expect(run.getByTestId('inspector-events')).toContainText('data: [DONE]');

    // View code: the same request, copyable.
    await page.getByTestId('playground-view-code').click();
    const dialog = page.getByTestId('code-dialog');
    await expect(dialog.getByTestId('code-snippet')).toContainText('"temperature":0.4');
    await expect(dialog.getByTestId('code-snippet')).toContainText('$DEEPSEEK_API_KEY');
    await dialog.getByTestId('code-copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('curl -sS -N');
    expect(copied).toContain(tag);
    expect(copied).not.toContain('sk-simulator-offline');
    await dialog.getByTestId('code-tab-python').click();
    await expect(dialog.getByTestId('code-snippet')).toContainText('client.chat.completions.create(');
    await dialog.getByTestId('code-tab-java').click();
    await expect(dialog.getByTestId('code-snippet')).toContainText('java.net.http.HttpClient');
    await page.keyboard.press('Escape');

    // The whole setup lives in the URL: a fresh page shows the same state.
    await expect(page).toHaveURL(/[?&]s=1\./);
    const url = page.url();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByTestId('param-temperature-input')).toHaveValue('0.4');
    await expect(fresh.getByTestId('param-topP-input')).toHaveValue('0.99');
    await expect(fresh.getByTestId('stop-list')).toContainText('"###"');
    await expect(fresh.getByTestId('message-content').first()).toHaveValue(`Explain prefix caching ${tag}`);
    await fresh.close();
  },
);

pg(
  'Stop ends a running request and keeps what arrived; Run again keeps the previous output beside it',
  async ({ playground, page }) => {
    await playground.open();
    await playground.withSimulatorFault('chunk-delay=40;chunks=400');
    await playground.run();
    await expect(page.getByTestId('playground-stop')).toBeVisible();
    await expect(playground.latest().getByTestId('run-answer')).not.toBeEmpty();
    await page.getByTestId('playground-stop').click();
    await expect(playground.latest().getByTestId('run-status')).toHaveText('Stopped');
    await expect(page.getByTestId('playground-run')).toHaveText('Run again');
    const partial = await playground.latest().getByTestId('run-answer').textContent();

    await page.unroute('**/api/playground/run');
    await page.getByTestId('playground-run').click();
    await playground.waitForRun();
    await expect(playground.runs()).toHaveCount(2);
    await expect(playground.runs().nth(1)).toContainText('Previous');
    expect(await playground.runs().nth(1).getByTestId('run-answer').textContent()).toBe(partial);
  },
);

pg(
  'JSON output warns without "json" in the prompt and shows the answer pretty-printed and checked',
  async ({ playground, page }) => {
    await playground.open();
    await page.getByTestId('playground-json').click();
    await expect(page.getByTestId('json-warning')).toBeVisible();
    await playground.messages().first().fill('List three colours as json');
    await expect(page.getByTestId('json-warning')).toHaveCount(0);
    await playground.run();
    await playground.waitForRun();
    await expect(playground.latest().getByTestId('run-json-status')).toHaveText(/Valid JSON|Not valid JSON/);
  },
);

pg('messages: add, change role, reorder, remove; an empty list blocks Run', async ({ playground, page }) => {
  await playground.open();
  await page.getByTestId('add-message').click();
  await expect(playground.messages()).toHaveCount(2);
  await playground.messages().nth(1).fill('Second');
  await page.getByTestId('message-role').nth(1).selectOption('user');
  await page.getByRole('button', { name: 'Move message 2 up' }).click();
  await expect(playground.messages().first()).toHaveValue('Second');
  await page.getByTestId('message-remove').first().click();
  await page.getByTestId('message-remove').first().click();
  await expect(page.getByTestId('messages-error')).toHaveText('Add at least one message.');
  await expect(page.getByTestId('playground-run')).toBeDisabled();
});

pg('presets: load a built-in, save, rename, load and delete your own', async ({ playground, page }) => {
  const name = `Terse ${uniqueTag()}`;
  await playground.open();
  await page.getByTestId('playground-presets').click();
  const dialog = page.getByTestId('presets-dialog');
  await dialog.getByRole('button', { name: 'Load Deterministic' }).click();
  await expect(playground.param('temperature')).toHaveValue('0');
  await expect(page.getByTestId('playground-notice')).toContainText('Deterministic');

  await playground.param('temperature').fill('0.25');
  await page.getByTestId('playground-presets').click();
  await dialog.getByTestId('preset-name').fill(name);
  await dialog.getByTestId('preset-save').click();
  await expect(dialog.getByTestId('my-preset').filter({ hasText: name })).toBeVisible();
  await dialog.getByRole('button', { name: `Rename ${name}` }).click();
  await dialog.getByTestId('preset-rename-input').fill(`${name} v2`);
  await dialog.getByTestId('preset-rename-input').press('Enter');
  await expect(dialog.getByTestId('my-preset').filter({ hasText: `${name} v2` })).toBeVisible();
  await page.keyboard.press('Escape');

  await playground.param('temperature').fill('1.7');
  await page.getByTestId('playground-presets').click();
  await dialog.getByRole('button', { name: `Load ${name} v2` }).click();
  await expect(playground.param('temperature')).toHaveValue('0.25');

  await page.getByTestId('playground-presets').click();
  await dialog.getByRole('button', { name: `Delete ${name} v2` }).click();
  await expect(dialog.getByTestId('my-preset').filter({ hasText: name })).toHaveCount(0);
});

pg('a malformed URL state shows a message and the defaults instead of crashing', async ({ playground, page }) => {
  await playground.open('/playground?s=1.%%%not-state');
  await expect(page.getByTestId('playground-notice')).toContainText('could not be read');
  await expect(playground.messages()).toHaveCount(1);
  await expect(page.getByTestId('playground-run')).toBeEnabled();
});

pg('Open in chat turns the playground conversation into a normal conversation', async ({ playground, page }) => {
  const tag = uniqueTag();
  await playground.open();
  await playground.messages().first().fill(`Playground hand-off ${tag}`);
  await playground.run();
  await playground.waitForRun();
  await page.getByTestId('playground-open-chat').click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('user-message').first()).toContainText(`Playground hand-off ${tag}`);
  await expect(page.getByTestId('assistant-message')).toHaveCount(1);
});

const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

async function snapshot(browser: Browser, size: keyof typeof viewports, theme: 'light' | 'dark', testInfo: TestInfo) {
  const context = await browser.newContext({
    viewport: viewports[size],
    colorScheme: theme,
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const playground = new PlaygroundPage(page);
  await playground.open();
  await page.getByTestId('playground-thinking').click();
  await playground.run();
  await playground.waitForRun();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const name = `playground-${size}-${theme}`;
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), animations: 'disabled', fullPage: false });
  if (process.env.SCREENSHOTS_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, animations: 'disabled' });
  }
  await context.close();
}

for (const size of ['desktop', 'phone'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${size} ${theme}: the playground after a run fits the screen`, async ({ browser }, testInfo) => {
      await snapshot(browser, size, theme, testInfo);
    });
  }
}
