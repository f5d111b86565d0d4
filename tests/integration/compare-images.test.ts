import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import { loadApp, type TestApp, userMessage } from '../support/app';
import { attachmentRoutes, messageWithImages } from '../support/attachments';
import { redBluePng } from '../support/images';
import { collectUIStream } from '../support/ui-stream';

/*
 * A compare turn with an image, as the browser sends it: the pane whose model can read images
 * sends the question with the image; the text-only pane sends the text alone. The upstream
 * requests (the simulator's recorder) show exactly that, and reopening the comparison gives the
 * vision pane its image back.
 */

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;
let compare: typeof import('@/app/api/compare/route');
let one: typeof import('@/app/api/compare/[id]/route');

beforeAll(async () => {
  app = await loadApp();
  routes = await attachmentRoutes(app);
  compare = await import('@/app/api/compare/route');
  one = await import('@/app/api/compare/[id]/route');
});

interface Pane {
  conversationId: string;
  model: string;
  params: Record<string, unknown>;
}

type Content = string | { type: string; text?: string; image_url?: { url: string } }[];
const contentOf = (body: unknown): Content[] =>
  ((body as { messages: { role: string; content: Content }[] }).messages ?? [])
    .filter((message) => message.role === 'user')
    .map((message) => message.content);
const imagesIn = (body: unknown) =>
  contentOf(body).flatMap((content) =>
    typeof content === 'string' ? [] : content.filter((part) => part.type === 'image_url'),
  );

async function paneTurn(pane: Pane, message: unknown, extra: Record<string, unknown> = {}) {
  app.simulator.recorder.clear();
  const response = await app.session.postChat({
    id: pane.conversationId,
    message,
    trigger: 'submit-message',
    model: pane.model,
    params: pane.params,
    ...extra,
  });
  expect(response.status).toBe(200);
  const stream = await collectUIStream(response);
  await app.waitUntilSaved(pane.conversationId);
  const upstream = app.simulator.recorder.list().find((request) => request.path.endsWith('/chat/completions'));
  return { answer: stream.text, upstream: upstream?.body };
}

describe('compare with an image', () => {
  it('sends the image to the vision pane only; reopening shows it in that pane', async () => {
    const created = await compare.POST(
      app.session.request('/api/compare', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'What is this?',
          panes: [
            { model: 'deepseek-flash', params: { thinking: false } },
            { model: 'deepseek-v4-pro', params: { thinking: false } },
          ],
        }),
      }),
    );
    expect(created.status).toBe(201);
    const { comparison } = (await created.json()) as { comparison: { id: string; panes: Pane[] } };
    const [visionPane, textPane] = comparison.panes as [Pane, Pane];

    const attachment = await routes.uploaded(app.session, await redBluePng(240, 160));
    const seeing = await paneTurn(visionPane, messageWithImages('What is this?', [attachment]));
    expect(seeing.answer).toContain('**240 × 160** pixels');
    const [image] = imagesIn(seeing.upstream);
    expect(image?.image_url?.url).toMatch(/^data:image\/png;base64,/);

    const blind = await paneTurn(textPane, userMessage('What is this?'));
    expect(imagesIn(blind.upstream)).toEqual([]);
    expect(JSON.stringify(blind.upstream)).not.toContain('data:image');
    expect(blind.answer).not.toContain('pixels');

    // A second, text-only turn: the vision pane re-sends its image, the text pane still has none.
    const again = await paneTurn(visionPane, userMessage('And its colours?'));
    expect(imagesIn(again.upstream)).toHaveLength(1);
    const textAgain = await paneTurn(textPane, userMessage('And its colours?'), { dropImages: true });
    expect(imagesIn(textAgain.upstream)).toEqual([]);

    const reopened = await one.GET(
      app.session.request(`/api/compare/${comparison.id}`),
      app.params({ id: comparison.id }),
    );
    const detail = (await reopened.json()) as { messages: Record<string, ChatMessage[]> };
    const filesOf = (id: string) => detail.messages[id]!.flatMap((m) => m.parts.filter((p) => p.type === 'file'));
    expect(filesOf(visionPane.conversationId)).toEqual([
      expect.objectContaining({ type: 'file', mediaType: 'image/png', url: attachment.url }),
    ]);
    expect(filesOf(textPane.conversationId)).toEqual([]);
  });

  it('a pane switched to a text-only model sends its history without the images when asked', async () => {
    const attachment = await routes.uploaded(app.session, await redBluePng(32, 32));
    const started = await app.session.postChat({
      message: messageWithImages('Look', [attachment]),
      trigger: 'submit-message',
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect((await collectUIStream(started)).text).toContain('**32 × 32** pixels');
    const conversationId = started.headers.get('x-conversation-id')!;
    await app.waitUntilSaved(conversationId);
    const pane: Pane = { conversationId, model: 'deepseek-flash', params: { thinking: false } };
    const switched = { ...pane, model: 'deepseek-v4-pro' };
    const refused = await app.session.postChat({
      id: conversationId,
      message: userMessage('Now?'),
      trigger: 'submit-message',
      model: switched.model,
      params: switched.params,
    });
    expect(refused.status).toBe(400);
    const dropped = await paneTurn(switched, userMessage('Now?'), { dropImages: true });
    expect(imagesIn(dropped.upstream)).toEqual([]);
  });
});
