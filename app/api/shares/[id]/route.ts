import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { revokeShare, updateShare } from '@/lib/share/service';
import { shareIdSchema, updateShareSchema } from '../schema';

type Params = { id: string };

function shareId(params: Params): string {
  const parsed = shareIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError('not_found:share');
  return parsed.data;
}

/** Update the snapshot, include or drop reasoning, or set a new expiry (owner or admin). */
export const PATCH = handler<Params, typeof updateShareSchema>(
  { surface: 'share', route: 'shares', body: updateShareSchema, maxBodyBytes: 4096 },
  async ({ params, user, body }) => {
    return Response.json({ share: await updateShare(await getDb(), user, shareId(params), body) });
  },
);

/** Revoke: the link answers 404 from now on; the row stays in the owner's list as revoked. */
export const DELETE = handler<Params>({ surface: 'share', route: 'shares' }, async ({ params, user }) => {
  return Response.json({ share: await revokeShare(await getDb(), user, shareId(params)) });
});
