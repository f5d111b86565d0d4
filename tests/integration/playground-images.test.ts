import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleRun } from '@/lib/playground/assemble';
import type { RunEvent } from '@/lib/playground/events';
import { buildUpstreamRequest, imagePlaceholder } from '@/lib/playground/request';
import { defaultState, type PlaygroundState } from '@/lib/playground/state';
import { loadApp, type TestApp, type TestSession } from '../support/app';
import { attachmentRoutes } from '../support/attachments';
import { redBluePng, solid } from '../support/images';

/*
 * Playground runs with images: the body the upstream receives (the simulator's recorder) is the
 * one the shared request builder makes from the same state with the stored bytes; the simulator's
 * answer shows the image arrived; ids that are not the user's uploads are refused before anything
 * is sent.
 */

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;
let run: typeof import('@/app/api/playground/run/route');
let open: typeof import('@/app/api/playground/open/route');

beforeAll(async () => {
  app = await loadApp();
  routes = await attachmentRoutes(app);
  run = await import('@/app/api/playground/run/route');
  open = await import('@/app/api/playground/open/route');
});

const withImages = (images: { id: string; mediaType: string }[], change: Partial<PlaygroundState> = {}) =>
  ({
    ...defaultState('deepseek-flash'),
    system: '',
    messages: [{ role: 'user', content: 'Describe this image.', images }],
    ...change,
  }) as PlaygroundState;

async function runOf(session: TestSession, body: unknown) {
  const response = await run.POST(
    session.request(`${app.base}/api/playground/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!response.ok) return { status: response.status, error: (await response.json()) as { error: { code: string } } };
  const text = await response.text();
  const events = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RunEvent);
  return { status: response.status, run: assembleRun(events), text };
}

async function targetFor(session: TestSession) {
  const { serverTarget } = await import('@/lib/playground/run');
  const { getRegistry } = await import('@/lib/models/load');
  return { spec: getRegistry().get('deepseek-flash')!, target: serverTarget(session.user.id) };
}

describe('playground runs with images', () => {
  it('sends the stored image inline, as the builder makes it; the simulator reports its size', async () => {
    const png = await redBluePng(200, 100);
    const attachment = await routes.uploaded(app.session, png);
    const input = withImages([{ id: attachment.id, mediaType: 'image/png' }]);
    const result = await runOf(app.session, input);
    expect(result.status).toBe(200);
    expect(result.run?.content).toContain('**200 × 100** pixels');

    const received = app.simulator.recorder.last()?.body as { messages: { content: unknown }[] };
    const served = await routes.fetchAttachment(app.session, attachment.id);
    const dataUrl = `data:image/png;base64,${Buffer.from(await served.arrayBuffer()).toString('base64')}`;
    const { spec, target } = await targetFor(app.session);
    const built = buildUpstreamRequest(input, spec, target, () => dataUrl);
    expect(received).toEqual(built.body);
    expect(received.messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: dataUrl } },
      { type: 'text', text: 'Describe this image.' },
    ]);
    const sent = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
    expect(await sharp(sent).metadata()).toMatchObject({ width: 200, height: 100 });

    // The browser sees the request with the image shortened, never the base64 itself.
    const shown = result.run?.request?.body as { messages: { content: { image_url?: { url: string } }[] }[] };
    expect(shown.messages[0]?.content[0]?.image_url?.url).toMatch(
      /^data:image\/png;base64,<[\d,]+ bytes of base64 elided>$/,
    );
    expect(result.text).not.toContain(dataUrl.slice(30, 200));
    // The code view's placeholder has the same shape, without bytes.
    expect(buildUpstreamRequest(input, spec, target).body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: imagePlaceholder({ id: attachment.id, mediaType: 'image/png' }) } },
          { type: 'text', text: 'Describe this image.' },
        ],
      },
    ]);
  });

  it('refuses foreign, unknown and too many images, and images for a text-only model', async () => {
    const other = await app.signIn('user');
    const theirs = await routes.uploaded(other, await solid(8, 8, '#ffffff'));
    const before = app.simulator.recorder.list().length;

    const foreign = await runOf(app.session, withImages([{ id: theirs.id, mediaType: 'image/png' }]));
    expect(foreign.status).toBe(404);
    expect(foreign.error?.error.code).toBe('not_found:attachment');
    const unknown = await runOf(app.session, withImages([{ id: crypto.randomUUID(), mediaType: 'image/png' }]));
    expect(unknown.status).toBe(404);

    const mine = await routes.uploaded(app.session, await solid(8, 8, '#000000'));
    const image = { id: mine.id, mediaType: 'image/png' };
    const many = await runOf(app.session, withImages([image, image, image, image, image]));
    expect(many.status).toBe(400);
    const textOnly = await runOf(app.session, withImages([image], { model: 'deepseek-v4-pro' }));
    expect(textOnly.status).toBe(400);
    const onAssistant = await runOf(app.session, {
      ...withImages([]),
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Look', images: [image] },
        { role: 'user', content: 'Well?' },
      ],
    });
    expect(onAssistant.status).toBe(400);
    const bytesInBody = await runOf(
      app.session,
      withImages([{ id: mine.id, mediaType: 'image/png', data: 'AAAA' }] as never),
    );
    // Extra fields are stripped by the schema: the run uses the stored bytes only.
    expect(bytesInBody.status).toBe(200);
    expect(app.simulator.recorder.list().length).toBe(before + 1);
  });

  it('"Open in chat" keeps the user’s own images and drops ones that are not theirs', async () => {
    const mine = await routes.uploaded(app.session, await solid(12, 12, '#ff0000'));
    const other = await app.signIn('user');
    const theirs = await routes.uploaded(other, await solid(12, 12, '#00ff00'));
    const input = withImages([
      { id: mine.id, mediaType: 'image/png' },
      { id: theirs.id, mediaType: 'image/png' },
    ]);
    const response = await open.POST(
      app.session.request(`${app.base}/api/playground/open`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: input }),
      }),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const stored = await app.session.getConversation(id);
    expect(stored.body.messages[0]?.parts).toEqual([
      expect.objectContaining({ type: 'file', mediaType: 'image/png', url: mine.url }),
      { type: 'text', text: 'Describe this image.' },
    ]);
    expect((await routes.fetchAttachment(app.session, mine.id)).status).toBe(200);
  });
});
