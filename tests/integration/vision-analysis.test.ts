import { eq } from 'drizzle-orm';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { usageEvents } from '@/lib/db/schema';
import { loadApp, type TestApp } from '../support/app';
import { attachmentRoutes } from '../support/attachments';
import { endlessPngStream, pdf, redBluePng, solid } from '../support/images';

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;

beforeAll(async () => {
  app = await loadApp();
  routes = await attachmentRoutes(app);
});

async function events(response: Response) {
  const out: { event?: string; data: unknown }[] = [];
  const reader = response
    .body!.pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push({ event: value.event, data: JSON.parse(value.data) });
  }
}

describe('POST /api/vision/analysis', () => {
  it('answers a raw image with JSON describing it, and counts the usage', async () => {
    const session = await app.signIn('user');
    const response = await routes.analyse(session, await redBluePng(300, 200));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      question: 'Describe this image in detail.',
      image: { mediaType: 'image/png', width: 300, height: 200, animated: false },
      model: 'deepseek-flash',
    });
    expect(body.analysis).toContain('**300 × 200** pixels');
    expect(body.analysis).toMatch(/Dominant colours: red .*, blue /);
    expect(body.usage.totalTokens).toBeGreaterThan(0);
    expect(response.headers.get('ratelimit-limit')).not.toBeNull();
    const rows = await app.db.select().from(usageEvents).where(eq(usageEvents.userId, session.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: 'deepseek-flash', status: 'complete', conversationId: null });
  });

  it('streams server-sent events when asked, with a question from multipart', async () => {
    const form = new FormData();
    form.set('image', new Blob([new Uint8Array(await solid(40, 40, '#ffffff'))], { type: 'image/png' }), 'white.png');
    form.set('question', '这是什么颜色？');
    const response = await app.session.request('/api/vision/analysis?stream=1', { method: 'POST', body: form });
    const streamed = await (await import('@/app/api/vision/analysis/route')).POST(response);
    expect(streamed.headers.get('content-type')).toBe('text/event-stream');
    const list = await events(streamed);
    expect(list[0]).toEqual({
      event: 'image',
      data: { mediaType: 'image/png', width: 40, height: 40, animated: false },
    });
    const text = list
      .filter((item) => item.event === 'delta')
      .map((item) => (item.data as { text: string }).text)
      .join('');
    expect(text).toContain('**40 × 40** 像素');
    expect(text).toContain('白色');
    expect(list.at(-1)).toMatchObject({ event: 'done', data: { model: 'deepseek-flash' } });
  });

  it('streams with Accept: text/event-stream too', async () => {
    const response = await routes.analyse(app.session, await solid(8, 8, '#000000'), '', {
      accept: 'text/event-stream',
    });
    expect((await events(response)).map((item) => item.event)).toContain('done');
  });

  it('refuses bad images, text-only models and oversized bodies with clear 4xx', async () => {
    const notImage = await routes.analyse(app.session, pdf(), '', { 'content-type': 'application/octet-stream' });
    expect(notImage.status).toBe(415);
    expect((await notImage.json()).error).toMatchObject({ code: 'unsupported_media_type:vision' });

    const pro = await routes.analyse(app.session, await solid(8, 8, '#000000'), '?model=deepseek-v4-pro');
    expect(pro.status).toBe(400);
    expect((await pro.json()).error).toMatchObject({ code: 'bad_request:vision' });

    const big = endlessPngStream();
    const tooLarge = await routes.analyse(app.session, big.stream);
    expect(tooLarge.status).toBe(413);
    expect(big.pulled()).toBeLessThan(12 * 1024 * 1024);
  });

  it('needs a session and a role with image input', async () => {
    const { POST } = await import('@/app/api/vision/analysis/route');
    const anonymous = await POST(
      new Request('http://localhost:3000/api/vision/analysis', {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(await solid(4, 4, '#000')),
      }),
    );
    expect(anonymous.status).toBe(401);
    const guest = await app.signIn('guest');
    expect((await routes.analyse(guest, await solid(4, 4, '#000'))).status).toBe(403);
  });
});
