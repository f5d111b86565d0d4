import { getDb } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readBoundedText } from '@/lib/http/body';
import { handler } from '@/lib/http/handler';
import { importConversations } from '@/lib/transfer/import';

/**
 * Imports a JSON file sent as the body (application/json): this app's export of one conversation,
 * or ChatGPT's conversations.json. All or nothing; 400 with a reason for anything invalid.
 */
export const POST = handler({ surface: 'import', route: 'import' }, async ({ req, user }) => {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type:import', { message: 'Send the file as application/json.' });
  }
  const max = env.IMPORT_MAX_BYTES;
  const text = await readBoundedText(
    req,
    max,
    () =>
      new AppError('payload_too_large:import', {
        message: `The file is larger than the limit of ${max} bytes.`,
        details: { maxBytes: max },
      }),
  );
  const result = await importConversations(await getDb(), user.id, text);
  return Response.json(result, { status: 201 });
});
