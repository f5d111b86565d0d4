import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { getAttachmentSource } from '@/lib/transcript/attachments';
import { attachmentDisposition, exportConversation, exportQuerySchema } from '@/lib/transfer/export';
import { conversationIdSchema } from '../../conversations/schema';

type Params = { id: string };

/** One conversation as a download: `?format=md|json|txt|html` (`&attachments=inline|reference` for JSON). */
export const GET = handler<Params>({ surface: 'export', route: 'export' }, async ({ req, params, user }) => {
  const id = conversationIdSchema.safeParse(params.id);
  if (!id.success) throw new AppError('not_found:conversation');
  const search = new URL(req.url).searchParams;
  const query = exportQuerySchema.safeParse({
    format: search.get('format') ?? undefined,
    attachments: search.get('attachments') ?? undefined,
  });
  if (!query.success) {
    throw new AppError('bad_request:export', { message: 'format must be one of md, json, txt, html.' });
  }
  const file = await exportConversation(await getDb(), user.id, id.data, {
    ...query.data,
    source: getAttachmentSource(),
  });
  // `disposition=inline` opens the HTML in a tab to print it (PDF); everything else downloads.
  const inline = query.data.format === 'html' && search.get('disposition') === 'inline';
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': inline ? 'inline' : attachmentDisposition(file.filename),
      // A downloaded HTML file is opened from disk; served here it must not run or frame anything.
      'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    },
  });
});
