import { getDb } from '@/lib/db/client';
import { handler } from '@/lib/http/handler';
import { createShare, listShares } from '@/lib/share/service';
import { createShareSchema } from './schema';

/** The caller's share links, newest first (admins see their own here too). */
export const GET = handler({ surface: 'share', route: 'shares' }, async ({ user }) => {
  return Response.json({ items: await listShares(await getDb(), user) });
});

/** A read-only snapshot of one of the caller's conversations behind a new random token. */
export const POST = handler(
  { surface: 'share', route: 'shares', body: createShareSchema, maxBodyBytes: 4096 },
  async ({ user, body }) => {
    const share = await createShare(await getDb(), user, body);
    return Response.json({ share }, { status: 201 });
  },
);
