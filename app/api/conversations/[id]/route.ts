import { deleteConversationAndAttachments } from '@/lib/attachments/store';
import { getDb } from '@/lib/db/client';
import { getConversation, renameConversation } from '@/lib/db/queries/conversations';
import { listMessages } from '@/lib/db/queries/messages';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { conversationIdSchema, renameSchema } from '../schema';

type Params = { id: string };

/** Unknown, malformed and other users' ids all answer the same 404. */
function conversationId(params: Params): string {
  const parsed = conversationIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError('not_found:conversation');
  return parsed.data;
}

export const GET = handler<Params>({ surface: 'conversation', route: 'conversations' }, async ({ params, user }) => {
  const id = conversationId(params);
  const db = await getDb();
  const [conversation, messages] = await Promise.all([getConversation(db, user.id, id), listMessages(db, user.id, id)]);
  if (!conversation) throw new AppError('not_found:conversation');
  return Response.json({ conversation, messages });
});

export const PATCH = handler<Params, typeof renameSchema>(
  { surface: 'conversation', route: 'conversations', body: renameSchema, maxBodyBytes: 4096 },
  async ({ params, user, body }) => {
    const conversation = await renameConversation(await getDb(), user.id, conversationId(params), body.title);
    if (!conversation) throw new AppError('not_found:conversation');
    return Response.json({ conversation });
  },
);

export const DELETE = handler<Params>({ surface: 'conversation', route: 'conversations' }, async ({ params, user }) => {
  const deleted = await deleteConversationAndAttachments(await getDb(), user.id, conversationId(params));
  if (!deleted) throw new AppError('not_found:conversation');
  return new Response(null, { status: 204 });
});
