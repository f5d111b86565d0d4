import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** A page object for the chat screen: what a person does and sees, by test id and role. */
export class ChatPage {
  constructor(readonly page: Page) {}

  composer = () => this.page.getByTestId('composer-input');
  userMessages = () => this.page.getByTestId('user-message');
  answers = () => this.page.getByTestId('assistant-message');
  lastAnswer = () => this.answers().last();
  sidebarItems = () => this.page.getByTestId('conversation-item');

  async open(path = '/') {
    await this.page.goto(path);
    // The header's model picker is enabled once /api/models answered; sending needs it.
    await expect(this.page.getByTestId('model-picker')).toBeEnabled();
  }

  /** Types and sends; Enter on desktop, the Send button on touch screens (where Enter adds a line). */
  async send(text: string, via: 'enter' | 'button' = 'enter') {
    await this.composer().fill(text);
    if (via === 'enter') await this.composer().press('Enter');
    else await this.page.getByTestId('send-button').click();
    await expect(this.userMessages().last()).toContainText(text.slice(0, 40));
  }

  /** Waits until the last answer has finished streaming and shows its footer. */
  async waitForAnswer(timeout = 30_000): Promise<Locator> {
    // The Send button comes back (in place of Stop) only when the request is over.
    await expect(this.page.getByTestId('chat-view')).toHaveAttribute('data-status', /ready|error/, { timeout });
    await expect(this.page.getByTestId('send-button')).toBeVisible();
    const answer = this.lastAnswer();
    await expect(answer).toHaveAttribute('data-streaming', 'false');
    return answer;
  }

  async ask(text: string): Promise<Locator> {
    await this.send(text);
    return this.waitForAnswer();
  }

  /**
   * Slows or breaks the next chat requests through the built-in simulator's fault header, which the
   * chat route forwards to the simulator in offline mode only.
   */
  async withSimulatorFault(fault: string) {
    await this.page.route('**/api/chat', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-simulator-fault': fault } }),
    );
  }

  async clearSimulatorFault() {
    await this.page.unroute('**/api/chat');
  }

  sidebarItem(title: string | RegExp) {
    return this.sidebarItems().filter({ has: this.page.getByTestId('conversation-title').filter({ hasText: title }) });
  }
}

/** A short unique tag so tests never collide with conversations left by earlier runs. */
export const uniqueTag = () => Math.random().toString(36).slice(2, 8);

/**
 * Uncaught exceptions, React hydration mismatches and anything the Content-Security-Policy blocked
 * (a script without the nonce) on this page; a spec with pages of its own checks them at the end.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|content security policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  return problems;
}

export const test = base.extend<{ chat: ChatPage }>({
  context: async ({ context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await use(context);
  },
  chat: async ({ page }, use) => {
    const problems = watchForProblems(page);
    await use(new ChatPage(page));
    expect(problems, 'errors in the browser').toEqual([]);
  },
});

export { expect };
