import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApp, type TestApp } from '../support/app';
import { attachmentRoutes, messageWithImages } from '../support/attachments';
import { solid } from '../support/images';
import { collectUIStream } from '../support/ui-stream';

let app: TestApp;
let routes: Awaited<ReturnType<typeof attachmentRoutes>>;

beforeAll(async () => {
  process.env.ATTACHMENT_STORAGE = 'filesystem';
  app = await loadApp();
  routes = await attachmentRoutes(app);
});

describe('ATTACHMENT_STORAGE=filesystem', () => {
  it('keeps the bytes in DATA_DIR/attachments and removes the file with the conversation', async () => {
    const attachment = await routes.uploaded(app.session, await solid(20, 10, '#ff0000'));
    const file = join(process.env.DATA_DIR ?? '', 'attachments', attachment.id.slice(0, 2), attachment.id);
    expect(existsSync(file)).toBe(true);
    const [row] = await routes.rowsOf(app.session.user.id);
    expect(row).toMatchObject({ storage: 'filesystem', data: null });

    const served = await routes.fetchAttachment(app.session, attachment.id);
    expect(served.headers.get('content-type')).toBe('image/png');

    const response = await app.postChat({
      message: messageWithImages('red?', [attachment]),
      trigger: 'submit-message',
      model: 'deepseek-flash',
      params: { thinking: false },
    });
    expect((await collectUIStream(response)).text).toContain('**20 × 10** pixels');
    const id = response.headers.get('x-conversation-id') ?? '';
    await app.waitUntilSaved(id);
    const deleted = await app.routes.conversation.DELETE(
      app.request(`/api/conversations/${id}`, { method: 'DELETE' }),
      app.params({ id }),
    );
    expect(deleted.status).toBe(204);
    expect(existsSync(file)).toBe(false);
    expect(await routes.rowsOf(app.session.user.id)).toHaveLength(0);
  });
});
