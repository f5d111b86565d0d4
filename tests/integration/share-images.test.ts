import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp, type TestSession } from '../support/app';
import { attachmentRoutes, messageWithImages } from '../support/attachments';
import { redBluePng, solid } from '../support/images';
import { collectUIStream } from '../support/ui-stream';

/*
 * Images of shared and exported conversations: the share's image route serves exactly the
 * attachments its snapshot references (read as the sharer's), and the HTML export embeds them.
 */

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;
let shares: typeof import('@/app/api/shares/route');
let shareItem: typeof import('@/app/api/shares/[id]/route');
let image: typeof import('@/app/share/[token]/images/[id]/route');
let exportOne: typeof import('@/app/api/export/[id]/route');
let rendered: typeof import('@/lib/transcript/rendered');
let service: typeof import('@/lib/share/service');
let copy: typeof import('@/app/api/shares/copy/route');
let importRoute: typeof import('@/app/api/import/route');
let me: TestSession;

beforeAll(async () => {
  app = await loadApp();
  routes = await attachmentRoutes(app);
  shares = await import('@/app/api/shares/route');
  shareItem = await import('@/app/api/shares/[id]/route');
  image = await import('@/app/share/[token]/images/[id]/route');
  exportOne = await import('@/app/api/export/[id]/route');
  rendered = await import('@/lib/transcript/rendered');
  service = await import('@/lib/share/service');
  copy = await import('@/app/api/shares/copy/route');
  importRoute = await import('@/app/api/import/route');
  me = app.session;
});

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function conversationWithImage(session: TestSession, png: Uint8Array) {
  const attachment = await routes.uploaded(session, png);
  const message = messageWithImages('What is in this picture?', [attachment]);
  const response = await session.postChat({
    message,
    trigger: 'submit-message',
    model: 'deepseek-flash',
    params: { thinking: false },
  });
  expect(response.status).toBe(200);
  const stream = await collectUIStream(response);
  const conversationId = response.headers.get('x-conversation-id')!;
  await app.waitUntilSaved(conversationId);
  return { attachment, conversationId, answer: stream.text };
}

async function shareOf(session: TestSession, conversationId: string) {
  const response = await shares.POST(session.request('/api/shares', post({ conversationId, expiry: 'never' })));
  expect(response.status).toBe(201);
  const { share } = (await response.json()) as { share: { id: string; path: string } };
  return { id: share.id, token: share.path.replace('/share/', '') };
}

const getImage = (token: string, id: string) =>
  image.GET(new Request(`http://localhost:3000/share/${token}/images/${id}`), app.params({ token, id }));

describe('share images', () => {
  it('serves the snapshot’s image to anyone with the link, and nothing else', async () => {
    const { attachment, conversationId, answer } = await conversationWithImage(me, await redBluePng(120, 80));
    expect(answer).toContain('**120 × 80** pixels');
    const { id, token } = await shareOf(me, conversationId);

    // No cookie: a signed-out viewer.
    const served = await getImage(token, attachment.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ width: 120, height: 80 });

    // The page renders that image through the route, not as inline base64.
    const open = await service.openShare(app.db, token);
    const snapshot = open!.kind === 'conversation' ? open!.snapshot : undefined;
    const messages = await rendered.renderTranscript(snapshot!, {
      ownerId: open!.ownerId,
      source: { load: async () => undefined },
      imageUrl: (imageId) => `/share/${token}/images/${imageId}`,
    });
    expect(messages[0]!.parts).toContainEqual({
      kind: 'image',
      src: `/share/${token}/images/${attachment.id}`,
      alt: 'image/png',
    });

    // Another attachment of the same owner, not in the snapshot → 404.
    const unshared = await routes.uploaded(me, await solid(10, 10, '#00ff00'));
    expect((await getImage(token, unshared.id)).status).toBe(404);
    // Someone else's attachment, even one in their own share → 404 through this token.
    const other = await app.signIn('user');
    const theirs = await conversationWithImage(other, await solid(16, 16, '#000000'));
    expect((await getImage(token, theirs.attachment.id)).status).toBe(404);
    const theirShare = await shareOf(other, theirs.conversationId);
    expect((await getImage(theirShare.token, theirs.attachment.id)).status).toBe(200);
    expect((await getImage(theirShare.token, attachment.id)).status).toBe(404);
    // Malformed ids and tokens → 404.
    expect((await getImage(token, '../../etc/passwd')).status).toBe(404);
    expect((await getImage('not-a-token', attachment.id)).status).toBe(404);

    // Revoked → the image stops at once.
    const revoked = await shareItem.DELETE(me.request(`/api/shares/${id}`, { method: 'DELETE' }), app.params({ id }));
    expect(revoked.status).toBeLessThan(300);
    expect((await getImage(token, attachment.id)).status).toBe(404);
  });

  it('embeds the image in the HTML export and inline JSON', async () => {
    const { conversationId } = await conversationWithImage(me, await redBluePng(64, 48));
    const download = (query: string) =>
      exportOne.GET(me.request(`/api/export/${conversationId}?${query}`), app.params({ id: conversationId }));
    const html = await (await download('format=html')).text();
    const src = /<img[^>]+src="(data:image\/png;base64,[^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const bytes = Buffer.from(src!.slice('data:image/png;base64,'.length), 'base64');
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 64, height: 48 });

    const json = (await (await download('format=json&attachments=inline')).json()) as {
      conversation: { messages: { parts: { type: string; url?: string }[] }[] };
    };
    const part = json.conversation.messages[0]!.parts.find((p) => p.type === 'file');
    expect(part?.url).toMatch(/^data:image\/png;base64,/);
  });

  it('continue as a copy gives the viewer their own copy of each image', async () => {
    const { attachment, conversationId } = await conversationWithImage(me, await redBluePng(90, 60));
    const { token } = await shareOf(me, conversationId);
    const viewer = await app.signIn('user');
    const response = await copy.POST(viewer.request('/api/shares/copy', post({ token })));
    expect(response.status).toBe(201);
    const { conversation } = (await response.json()) as { conversation: { id: string } };
    const stored = await viewer.getConversation(conversation.id);
    const file = stored.body.messages[0]!.parts.find((part) => part.type === 'file') as { url: string } | undefined;
    expect(file?.url).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);
    expect(file?.url).not.toBe(attachment.url);
    const id = file!.url.split('/').at(-1)!;
    const served = await routes.fetchAttachment(viewer, id);
    expect(served.status).toBe(200);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ width: 90, height: 60 });
    // The viewer still cannot read the sharer's original, and the copy belongs to the new conversation.
    expect((await routes.fetchAttachment(viewer, attachment.id)).status).toBe(404);
    const [row] = (await routes.rowsOf(viewer.user.id)).filter((candidate) => candidate.id === id);
    expect(row?.conversationId).toBe(conversation.id);

    // The copy's next turn sends that image to a vision model.
    const next = await viewer.postChat({
      id: conversation.id,
      message: { id: 'next1', role: 'user', parts: [{ type: 'text', text: 'Size?' }] },
      trigger: 'submit-message',
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect((await collectUIStream(next)).text).toContain('**90 × 60** pixels');
  });

  it('imports data-URL images as attachments of the importer; a bad one becomes a note', async () => {
    const png = await solid(20, 10, '#123456');
    const good = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const bogus = `data:image/png;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`;
    const now = new Date().toISOString();
    const document = {
      format: 'deepseek-studio.conversation',
      version: 1,
      exportedAt: now,
      attachments: 'inline',
      conversation: {
        title: 'Imported with images',
        model: 'deepseek-flash',
        params: {},
        systemPrompt: null,
        createdAt: now,
        updatedAt: now,
        messages: [
          {
            role: 'user',
            status: 'complete',
            model: null,
            createdAt: now,
            parts: [
              { type: 'file', mediaType: 'image/png', url: good, filename: 'a.png' },
              { type: 'file', mediaType: 'image/png', url: bogus, filename: 'b.png' },
              { type: 'text', text: 'What is this?' },
            ],
          },
        ],
      },
    };
    const importer = await app.signIn('user');
    const response = await importRoute.POST(
      importer.request('/api/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(document),
      }),
    );
    const body = (await response.json()) as { conversations?: { id: string }[]; error?: unknown };
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    const stored = await importer.getConversation(body.conversations![0]!.id);
    const parts = stored.body.messages[0]!.parts as { type: string; url?: string; text?: string }[];
    expect(parts[0]).toMatchObject({
      type: 'file',
      mediaType: 'image/png',
      url: expect.stringMatching(/^\/api\/attachments\//),
    });
    expect(parts[1]).toEqual({ type: 'text', text: '[image: b.png]' });
    const served = await routes.fetchAttachment(importer, parts[0]!.url!.split('/').at(-1)!);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ width: 20, height: 10 });
  });
});
