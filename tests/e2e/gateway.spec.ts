import { expect, test, uniqueTag } from './fixtures';

/**
 * The gateway as a person sees it: an answer cut off mid-stream offers Continue, which appends to
 * the same answer; a cached answer says so; the admin's audit log lists the requests, filters them,
 * shows the breakers and exports CSV. (The setup's account is an admin.)
 */

test('Continue finishes an interrupted answer in place', async ({ chat, page }) => {
  await chat.open('/');
  // Thinking off: the drop then falls inside the answer text, not the reasoning.
  const thinking = page.getByTestId('thinking-toggle');
  if ((await thinking.getAttribute('aria-checked')) === 'true') await thinking.click();
  await expect(thinking).toHaveAttribute('aria-checked', 'false');
  await chat.withSimulatorFault('drop-after=8');
  const question = `Tell me about rivers ${uniqueTag()}`;
  const answer = await chat.ask(question);
  await expect(answer.getByTestId('message-status')).toHaveAttribute('data-status', 'interrupted');
  const partial = (await answer.getByTestId('markdown').textContent()) ?? '';
  await chat.clearSimulatorFault();

  await answer.getByTestId('message-continue').click();
  const continued = await chat.waitForAnswer();
  await expect(chat.answers()).toHaveCount(1);
  await expect(continued.getByTestId('message-continue')).toHaveCount(0);
  await expect(continued.getByTestId('message-status')).toHaveCount(0);
  const whole = (await continued.getByTestId('markdown').textContent()) ?? '';
  expect(whole.length).toBeGreaterThan(partial.length);

  // Stored as one complete answer.
  await page.reload();
  await expect(chat.answers()).toHaveCount(1);
  await expect(chat.lastAnswer().getByTestId('message-status')).toHaveCount(0);
  await expect(chat.lastAnswer().getByTestId('usage-output')).toBeVisible();
});

test('a cached answer is labelled; the audit log lists, filters and exports requests', async ({ chat, page }) => {
  // The chat UI sends no temperature: the deterministic request goes through the API, twice.
  const question = `Cache me ${uniqueTag()}`;
  const ask = () =>
    page.request.post('/api/chat', {
      headers: { origin: new URL(page.url()).origin },
      data: {
        message: { id: `m${uniqueTag()}`, role: 'user', parts: [{ type: 'text', text: question }] },
        model: 'deepseek-flash',
        params: { thinking: false, temperature: 0 },
      },
    });
  await chat.open('/');
  expect((await ask()).headers()['x-cache']).toBe('MISS');
  const hit = await ask();
  expect(hit.headers()['x-cache']).toBe('HIT');
  await hit.text();
  const conversationId = hit.headers()['x-conversation-id'];

  await chat.open(`/c/${conversationId}`);
  const cached = chat.lastAnswer().getByTestId('message-cached');
  await expect(cached).toHaveText('cached');
  await cached.focus();
  await expect(page.getByRole('tooltip', { name: /no new call to the model/ })).toHaveCSS('opacity', '1');

  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-page')).toBeVisible();
  await expect(page.getByTestId('breaker-state').filter({ hasText: 'deepseek-flash' })).toHaveAttribute(
    'data-state',
    'closed',
  );
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: 'HIT' }).first()).toBeVisible();

  await page.getByTestId('audit-filter-status').selectOption('interrupted');
  await page.getByTestId('audit-apply').click();
  await expect(rows.first()).toHaveAttribute('data-status', 'interrupted');
  for (const status of await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-status')))) {
    expect(status).toBe('interrupted');
  }

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = await (await import('node:fs/promises')).readFile((await file.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toContain('request_id,user_id,user_email,client_ip,route,model,status');
  expect(csv).toContain(',interrupted,');
  expect(csv).not.toContain(question);
});
