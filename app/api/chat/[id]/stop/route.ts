import { stopGeneration } from '@/lib/chat/active';
import { getDb } from '@/lib/db/client';
import { getConversation } from '@/lib/db/queries/conversations';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';

/** POST /api/chat/:id/stop — the Stop button: abort the upstream call; the partial answer is saved. */
export const POST = handler<{ id: string }>({ surface: 'chat', route: 'chat' }, async ({ params, user }) => {
  const stopped = stopGeneration(params.id, user.id);
  // Nothing running: the caller's own idle conversation answers false, anyone else's id 404.
  if (!stopped && !(await getConversation(await getDb(), user.id, params.id))) {
    throw new AppError('not_found:conversation');
  }
  return Response.json({ stopped });
});
