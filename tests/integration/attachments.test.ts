import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '@/lib/db/schema';
import { loadApp, type TestApp, type TestSession } from '../support/app';
import { attachmentRoutes, messageWithImages } from '../support/attachments';
import {
  endlessPngStream,
  gifJsPolyglot,
  html,
  hugePng,
  jpegWithGps,
  pdf,
  redBluePng,
  solid,
  svg,
  truncatedJpeg,
} from '../support/images';
import { collectUIStream } from '../support/ui-stream';

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;
let me: TestSession;

beforeAll(async () => {
  app = await loadApp();
  routes = await attachmentRoutes(app);
  me = app.session;
});

const chatBody = (message: unknown, extra: Record<string, unknown> = {}) => ({
  message,
  trigger: 'submit-message',
  model: 'deepseek-flash',
  params: { thinking: false },
  ...extra,
});

async function sendAndRead(session: TestSession, body: unknown) {
  const response = await session.postChat(body);
  const stream = response.ok ? await collectUIStream(response) : undefined;
  const conversationId = response.headers.get('x-conversation-id') ?? '';
  if (conversationId) await app.waitUntilSaved(conversationId);
  return { response, stream, conversationId };
}

describe('upload → store → send', () => {
  it('stores the image, serves it to its owner and the simulator sees its size and colours', async () => {
    const png = await redBluePng(300, 200);
    const attachment = await routes.uploaded(me, png, { contentType: 'image/png' });
    expect(attachment).toMatchObject({ mediaType: 'image/png', width: 300, height: 200 });
    expect(attachment.url).toBe(`/api/attachments/${attachment.id}`);

    const served = await routes.fetchAttachment(me, attachment.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toMatch(/^inline; filename="image-[0-9a-f]{8}\.png"$/);
    expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 300, height: 200 });

    const message = messageWithImages('What colours are in this picture?', [attachment]);
    const { response, stream, conversationId } = await sendAndRead(me, chatBody(message));
    expect(response.status).toBe(200);
    expect(stream?.text).toContain('A **PNG** image, **300 × 200** pixels (aspect ratio 3:2)');
    expect(stream?.text).toMatch(/Dominant colours: red `#[0-9a-f]{6}` \(6\d%\), blue `#[0-9a-f]{6}` \(3\d%\)/);

    // The upstream got the bytes inline as a data URL, not our path.
    const upstream = JSON.stringify(app.simulator.recorder.last()?.body);
    expect(upstream).not.toContain('/api/attachments/');
    // The stored message keeps the attachment URL (shown after a reload), and the upload now belongs to the chat.
    const stored = await me.getConversation(conversationId);
    expect(stored.body.messages[0]?.parts).toContainEqual(
      expect.objectContaining({ type: 'file', mediaType: 'image/png', url: attachment.url }),
    );
    const [row] = await app.db.select().from(attachments).where(eq(attachments.id, attachment.id));
    expect(row?.conversationId).toBe(conversationId);

    // Next turn: the history's image travels again, and the answer is about the text.
    const next = await sendAndRead(me, chatBody(messageWithImages('And now?', []), { id: conversationId }));
    expect(next.response.status).toBe(200);
    expect(next.stream?.text).toContain('And now?');
    expect(JSON.stringify(app.simulator.recorder.last()?.body)).toContain('data:image/png;base64,');
  });

  it('answers in Chinese when asked in Chinese, and sends an image-only message', async () => {
    const attachment = await routes.uploaded(me, await solid(64, 32, '#ffffff'));
    const zh = await sendAndRead(me, chatBody(messageWithImages('这张图片是什么颜色？', [attachment])));
    expect(zh.stream?.text).toContain('一张 **PNG** 图片，**64 × 32** 像素（宽高比 2:1）');
    expect(zh.stream?.text).toContain('主要颜色：白色 `#ffffff`');
    const other = await routes.uploaded(me, await solid(10, 10, '#000000'));
    const onlyImage = await sendAndRead(me, chatBody(messageWithImages('', [other])));
    expect(onlyImage.response.status).toBe(200);
    expect(onlyImage.stream?.text).toContain('**10 × 10** pixels');
  });

  it('strips EXIF and GPS before storing', async () => {
    const attachment = await routes.uploaded(me, await jpegWithGps(), { contentType: 'image/jpeg' });
    const bytes = Buffer.from(await (await routes.fetchAttachment(me, attachment.id)).arrayBuffer());
    expect(bytes.includes(Buffer.from('Secret Owner'))).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  });

  it('takes multipart uploads too and reports the limits', async () => {
    const form = new FormData();
    form.set('image', new Blob([new Uint8Array(await redBluePng(30, 20))], { type: 'image/png' }), 'shot.png');
    const response = await routes.uploadForm(me, form);
    expect(response.status).toBe(201);
    expect((await response.json()).attachment).toMatchObject({ filename: 'shot.png', width: 30, height: 20 });
    const limits = await (await routes.limits(me.request('/api/attachments'))).json();
    expect(limits.limits).toMatchObject({ maxBytes: 10 * 1024 * 1024, perMessage: 4 });
  });
});

describe('bad input: a clear 4xx naming the problem, nothing stored', () => {
  let victim: TestSession;
  beforeAll(async () => {
    victim = await app.signIn('user');
  });

  it.each([
    [
      'a PNG renamed .jpg',
      async () => ({ bytes: await redBluePng(8, 8), filename: 'photo.jpg' }),
      415,
      'PNG image but is named .jpg',
    ],
    ['a PDF declared image/png', async () => ({ bytes: pdf(), contentType: 'image/png' }), 415, 'PDF document'],
    ['HTML declared image/png', async () => ({ bytes: html(), contentType: 'image/png' }), 415, 'HTML document'],
    ['an SVG with a script', async () => ({ bytes: svg(), contentType: 'image/svg+xml' }), 415, 'SVG document'],
    [
      'a GIF/JS polyglot',
      async () => ({ bytes: await gifJsPolyglot(), contentType: 'image/gif' }),
      400,
      'after the end of the GIF',
    ],
    [
      'a truncated JPEG',
      async () => ({ bytes: await truncatedJpeg(), contentType: 'image/jpeg' }),
      400,
      'truncated or damaged',
    ],
    ['a 0-byte file', async () => ({ bytes: Buffer.alloc(0), contentType: 'image/png' }), 400, 'empty (0 bytes)'],
    [
      'a PNG of 30,000 × 30,000 pixels',
      async () => ({ bytes: hugePng(), contentType: 'image/png' }),
      413,
      '30000 × 30000 pixels',
    ],
    ['a text body', async () => ({ bytes: Buffer.from('hello'), contentType: 'text/plain' }), 415, 'raw bytes'],
  ])('%s', async (_name, make, status, words) => {
    const input = await make();
    const response = await routes.upload(victim, input.bytes, input);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.message).toContain(words);
    expect(await routes.rowsOf(victim.user.id)).toHaveLength(0);
  });

  it('refuses a 50 MB upload after reading about the limit, never the whole body', async () => {
    const raw = endlessPngStream();
    const response = await routes.upload(victim, raw.stream, { contentType: 'image/png' });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain('larger than the limit of 10 MB');
    expect(raw.pulled()).toBeLessThan(12 * 1024 * 1024);

    const zeros = await routes.upload(victim, Buffer.alloc(16), { contentType: 'image/png' });
    expect(zeros.status).toBe(415);
    const lying = await (await import('@/app/api/attachments/route')).POST(
      victim.request('/api/attachments', {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'content-length': String(50 * 1024 * 1024) },
        body: new Uint8Array(8),
      }),
    );
    expect(lying.status).toBe(413);
    expect(await routes.rowsOf(victim.user.id)).toHaveLength(0);
  });

  it('refuses a 50 MB multipart upload while reading it', async () => {
    const boundary = 'x-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const raw = endlessPngStream();
    const reader = raw.stream.getReader();
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (first) {
          first = false;
          controller.enqueue(head);
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const response = await (await import('@/app/api/attachments/route')).POST(
      victim.request('/api/attachments', {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(raw.pulled()).toBeLessThan(12 * 1024 * 1024);
    expect(await routes.rowsOf(victim.user.id)).toHaveLength(0);
  });

  it('refuses too many images, a foreign id and images for a text-only model, storing nothing', async () => {
    const own = await Promise.all([1, 2, 3, 4, 5].map(() => routes.uploaded(victim, png8)));
    const tooMany = await victim.postChat(chatBody(messageWithImages('five', own)));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toContain('at most 4 images; this one has 5');

    const theirs = await routes.uploaded(me, png8);
    const foreign = await victim.postChat(chatBody(messageWithImages('whose?', [theirs])));
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error).toMatchObject({ code: 'not_found:attachment' });

    const textOnly = await victim.postChat(
      chatBody(messageWithImages('see?', own.slice(0, 1)), { model: 'deepseek-v4-pro' }),
    );
    expect(textOnly.status).toBe(400);
    expect((await textOnly.json()).error).toMatchObject({
      code: 'bad_request:vision',
      details: { reason: 'model_without_vision' },
    });

    const list = await victim.request('/api/conversations');
    const page = await (await app.routes.conversations.GET(list)).json();
    expect(page.items).toHaveLength(0);
    const rows = await routes.rowsOf(victim.user.id);
    expect(rows.every((row) => row.conversationId === null)).toBe(true);
  });
});

let png8: Buffer;
beforeAll(async () => {
  png8 = await solid(8, 8, '#336699');
});

describe('owner scoping and lifecycle', () => {
  it("answers 404 for another user's attachment and for unknown ids", async () => {
    const attachment = await routes.uploaded(me, png8);
    const other = await app.signIn('user');
    expect((await routes.fetchAttachment(other, attachment.id)).status).toBe(404);
    expect((await routes.fetchAttachment(me, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await routes.fetchAttachment(me, '../../etc/passwd')).status).toBe(404);
  });

  it('sends a conversation with images to a text-only model without them when asked', async () => {
    const attachment = await routes.uploaded(me, png8);
    const first = await sendAndRead(me, chatBody(messageWithImages('look', [attachment])));
    const refused = await me.postChat(
      chatBody(messageWithImages('and you?', []), { id: first.conversationId, model: 'deepseek-v4-pro' }),
    );
    expect(refused.status).toBe(400);
    const dropped = await sendAndRead(
      me,
      chatBody(messageWithImages('and you?', []), {
        id: first.conversationId,
        model: 'deepseek-v4-pro',
        dropImages: true,
      }),
    );
    expect(dropped.response.status).toBe(200);
    const upstream = JSON.stringify(app.simulator.recorder.last()?.body);
    expect(upstream).not.toContain('image_url');
    const sent = app.simulator.recorder.last()?.body as { messages: { content: unknown }[] } | undefined;
    expect(sent?.messages[0]?.content).toBe('look');
  });

  it('deleting a conversation deletes its attachments', async () => {
    const attachment = await routes.uploaded(me, png8);
    const { conversationId } = await sendAndRead(me, chatBody(messageWithImages('keep?', [attachment])));
    const response = await app.routes.conversation.DELETE(
      me.request(`/api/conversations/${conversationId}`, { method: 'DELETE' }),
      app.params({ id: conversationId }),
    );
    expect(response.status).toBe(204);
    expect((await routes.fetchAttachment(me, attachment.id)).status).toBe(404);
    expect(await app.db.select().from(attachments).where(eq(attachments.id, attachment.id))).toHaveLength(0);
  });

  it('sweeps uploads never sent after the TTL', async () => {
    const attachment = await routes.uploaded(me, png8);
    await app.db
      .update(attachments)
      .set({ createdAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(attachments.id, attachment.id));
    const { sweepUnsentAttachments } = await import('@/lib/attachments/store');
    expect(await sweepUnsentAttachments(app.db)).toBeGreaterThanOrEqual(1);
    expect((await routes.fetchAttachment(me, attachment.id)).status).toBe(404);
  });

  it('keeps guests out (their role has no image input)', async () => {
    const guest = await app.signIn('guest');
    const response = await routes.upload(guest, png8, { contentType: 'image/png' });
    expect(response.status).toBe(403);
    expect(await routes.rowsOf(guest.user.id)).toHaveLength(0);
  });
});
