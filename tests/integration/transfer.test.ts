import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';

/*
 * Export each format and read it back; import this app's JSON (round trip) and ChatGPT's export;
 * hostile files get a typed 4xx and store nothing.
 */

let app: TestApp;
let exportOne: typeof import('@/app/api/export/[id]/route');
let exportAll: typeof import('@/app/api/export/route');
let importRoute: typeof import('@/app/api/import/route');
let conversationId: string;

const xss = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> [click](javascript:alert(1))';

beforeAll(async () => {
  process.env.IMPORT_MAX_BYTES = String(2_000_000);
  app = await loadApp();
  exportOne = await import('@/app/api/export/[id]/route');
  exportAll = await import('@/app/api/export/route');
  importRoute = await import('@/app/api/import/route');
  ({ conversationId } = await app.turn('Show me a TypeScript function', { params: { thinking: true } }));
  await app.turn(xss, { id: conversationId });
});

async function download(id: string, query: string, session = app.session) {
  const response = await exportOne.GET(session.request(`/api/export/${id}?${query}`), app.params({ id }));
  return { response, text: await response.text() };
}

async function importText(text: string, session = app.session) {
  const response = await importRoute.POST(
    session.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }),
  );
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whichever shape the status implies
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function conversationCount(session = app.session) {
  const response = await app.routes.conversations.GET(session.request('/api/conversations?limit=100'));
  return ((await response.json()) as { items: unknown[] }).items.length;
}

describe('export', () => {
  it('JSON: a versioned document equal to the stored conversation', async () => {
    const { response, text } = await download(conversationId, 'format=json');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="Show-me-a-TypeScript-function-/);
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: 'deepseek-studio.conversation', version: 1, attachments: 'inline' });
    const stored = await app.getConversation(conversationId);
    expect(document.conversation.messages).toHaveLength(stored.body.messages.length);
    expect(document.conversation.messages[1].parts.map((part: { type: string }) => part.type)).toEqual([
      'reasoning',
      'text',
    ]);
    expect(document.conversation.messages[2].parts[0].text).toBe(xss);
    expect(document.conversation.messages[1].usage.outputTokens).toBeGreaterThan(0);
  });

  it('Markdown: front matter, reasoning in <details>, every message', async () => {
    const { text } = await download(conversationId, 'format=md');
    const [, front] = text.split('---\n');
    expect(front).toContain('title: "Show me a TypeScript function"');
    expect(front).toContain('model: "deepseek-flash"');
    expect(front).toMatch(/parameters:\n {2}thinking: (true|false)/);
    expect(text).toContain('<details>\n<summary>Reasoning</summary>');
    expect(text.match(/^## (You|Assistant)$/gm)).toHaveLength(4);
  });

  it('plain text and HTML: every message, HTML inert (no script, strict CSP, escaped payload)', async () => {
    const stored = await app.getConversation(conversationId);
    const answer = stored.body.messages[1]!.parts.find((part) => part.type === 'text');
    const firstLine = answer && 'text' in answer ? answer.text.split('\n')[0]! : '';
    const { text: plain } = await download(conversationId, 'format=txt');
    expect(plain).toContain('Show me a TypeScript function');
    expect(plain).toContain(xss);

    const { response, text: html } = await download(conversationId, 'format=html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<script/i);
    // No element carries an event handler or a javascript: link (the payload survives only as text).
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('<pre class="shiki" data-highlighted="true">');
    expect(html).toContain('--shiki-light:');
    expect(html.match(/<section class="message /g)).toHaveLength(4);
    expect(plain).toContain(firstLine.replace(/[#*`]/g, '').trim().slice(0, 10));
  });

  it('refuses unknown formats and other users', async () => {
    expect((await download(conversationId, 'format=docx')).response.status).toBe(400);
    const other = await app.signIn('user');
    expect((await download(conversationId, 'format=md', other)).response.status).toBe(404);
  });

  it('archives every conversation as a zip', async () => {
    const other = await app.signIn('user');
    await other.turn('first of two');
    await other.turn('second of two');
    const response = await exportAll.GET(other.request('/api/export'));
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.conversations.map((entry: { title: string }) => entry.title).sort()).toEqual([
      'first of two',
      'second of two',
    ]);
    for (const entry of manifest.conversations) {
      for (const name of entry.files) expect(files[name]).toBeDefined();
    }
  });
});

describe('import', () => {
  it('round trip: export → import gives an equal conversation', async () => {
    const { text } = await download(conversationId, 'format=json');
    const imported = await importText(text);
    expect(imported.status).toBe(201);
    const [created] = imported.body.conversations;
    expect(created.id).not.toBe(conversationId);
    const { text: again } = await download(created.id, 'format=json');
    const strip = (value: string) => {
      const document = JSON.parse(value);
      delete document.exportedAt;
      delete document.conversation.updatedAt;
      return document;
    };
    expect(strip(again)).toEqual(strip(text));
  });

  it('ChatGPT conversations.json: the current branch, in order', async () => {
    const node = (id: string, parent: string | null, children: string[], role?: string, text?: string) => ({
      id,
      parent,
      children,
      message: role
        ? {
            author: { role },
            create_time: 1_700_000_000,
            content: { content_type: 'text', parts: [text] },
            metadata: { model_slug: 'gpt-4o' },
          }
        : null,
    });
    const file = [
      {
        title: 'Trip planning',
        create_time: 1_700_000_000,
        current_node: 'a2',
        mapping: {
          root: node('root', null, ['u1']),
          u1: node('u1', 'root', ['a1', 'a2'], 'user', 'Plan a trip'),
          a1: node('a1', 'u1', [], 'assistant', 'An answer the user regenerated'),
          a2: node('a2', 'u1', [], 'assistant', 'Day one: <script>alert(1)</script>'),
        },
      },
    ];
    const imported = await importText(JSON.stringify(file));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      format: 'chatgpt',
      conversations: [{ title: 'Trip planning', messageCount: 2 }],
    });
    const stored = await app.getConversation(imported.body.conversations[0].id);
    expect(stored.body.messages.map((message) => (message.parts[0] as { text: string }).text)).toEqual([
      'Plan a trip',
      'Day one: <script>alert(1)</script>',
    ]);
  });

  it('hostile or invalid files: a typed 4xx and nothing stored', async () => {
    const session = await app.signIn('user');
    const valid = JSON.parse((await download(conversationId, 'format=json')).text);
    const cases: [string, number, string][] = [
      ['not json', 400, 'bad_request:import'],
      ['', 400, 'bad_request:import'],
      [`${'['.repeat(5000)}${']'.repeat(5000)}`, 400, 'bad_request:import'],
      [JSON.stringify({ ...valid, version: 2 }), 400, 'bad_request:import'],
      [JSON.stringify({ ...valid, format: 'other' }), 400, 'bad_request:import'],
      [JSON.stringify({ ...valid, conversation: { ...valid.conversation, messages: [] } }), 400, 'bad_request:import'],
      [JSON.stringify({ ...valid, extra: true }), 400, 'bad_request:import'],
      [JSON.stringify([{ title: 'x', mapping: 'nope' }]), 400, 'bad_request:import'],
      [JSON.stringify({ big: 'x'.repeat(2_100_000) }), 413, 'payload_too_large:import'],
    ];
    for (const [body, status, code] of cases) {
      const result = await importText(body, session);
      expect(result.status, body.slice(0, 40)).toBe(status);
      expect(result.body.error.code).toBe(code);
    }
    // A file whose second conversation is invalid imports none of them.
    const good = {
      title: 'ok',
      mapping: {
        r: {
          id: 'r',
          parent: null,
          children: [],
          message: { author: { role: 'user' }, content: { content_type: 'text', parts: ['hi'] } },
        },
      },
    };
    const bad = { title: 'bad', mapping: { r: { parent: null, message: { author: {}, content: {} } } } };
    expect((await importText(JSON.stringify([good, bad]), session)).status).toBe(400);
    expect(await conversationCount(session)).toBe(0);

    const guest = await app.signIn('guest');
    expect((await importText(JSON.stringify([good]), guest)).status).toBe(403);
  });

  it('a failure while writing rolls back every conversation of the file', async () => {
    const session = await app.signIn('user');
    const message = (text: string) => ({ author: { role: 'user' }, content: { content_type: 'text', parts: [text] } });
    const conversation = (title: string) => ({ title, mapping: { r: { parent: null, message: message('hi') } } });
    // The second conversation passes validation but is refused by the writer (over 5000 messages)
    // after the first one was inserted: the transaction rolls the first one back.
    const many = {
      title: 'many',
      mapping: Object.fromEntries(
        Array.from({ length: 5001 }, (_, i) => [
          `n${i}`,
          { parent: i ? `n${i - 1}` : null, message: message(`m${i}`) },
        ]),
      ),
    };
    const result = await importText(
      JSON.stringify([conversation('first'), { ...many, current_node: 'n5000' }]),
      session,
    );
    expect(result.status).toBe(400);
    expect(await conversationCount(session)).toBe(0);
  });
});
