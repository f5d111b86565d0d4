import { stopGeneration } from '@/lib/chat/active';
import { handler } from '@/lib/http/handler';

/** POST /api/chat/:id/stop — the Stop button: abort the upstream call; the partial answer is saved. */
export const POST = handler<{ id: string }>({ surface: 'chat' }, ({ params, user }) => {
  const stopped = stopGeneration(params.id, user.id);
  return Response.json({ stopped });
});
