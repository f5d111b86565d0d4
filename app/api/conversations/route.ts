import { getDb } from '@/lib/db/client';
import { listConversations } from '@/lib/db/queries/conversations';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { listQuerySchema } from './schema';

/** GET /api/conversations?limit&cursor — the signed-in user's conversations, newest first. */
export const GET = handler({ surface: 'conversation' }, async ({ req, user }) => {
  const url = new URL(req.url);
  const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new AppError('bad_request:conversation', { message: 'Invalid limit or cursor.' });
  const page = await listConversations(await getDb(), user.id, query.data);
  return Response.json(page);
});
