import { handler } from '@/lib/http/handler';
import { openInChat, openInChatSchema } from '@/lib/playground/open-in-chat';

/** POST /api/playground/open — the playground conversation as a new chat; answers `{ id }` (201). */
export const POST = handler(
  { surface: 'playground', route: 'playground', body: openInChatSchema, maxBodyBytes: 4 * 1024 * 1024 },
  async ({ user, body }) => Response.json(await openInChat(user, body), { status: 201 }),
);
