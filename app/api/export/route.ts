import { getDb } from '@/lib/db/client';
import { handler } from '@/lib/http/handler';
import { getAttachmentSource } from '@/lib/transcript/attachments';
import { attachmentDisposition, exportArchive } from '@/lib/transfer/export';

/** Every conversation of the caller as one zip (JSON + Markdown each), streamed. */
export const GET = handler({ surface: 'export', route: 'export' }, async ({ user }) => {
  const now = new Date();
  const stream = exportArchive(await getDb(), user.id, getAttachmentSource(), now);
  return new Response(stream, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': attachmentDisposition(`deepseek-studio-${now.toISOString().slice(0, 10)}.zip`),
    },
  });
});
