import { getDb } from '@/lib/db/client';
import { handler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';
import { admitShareLookup } from '@/lib/share/lookup-limit';
import { copyShare } from '@/lib/share/service';
import { copyShareSchema } from '../schema';

/** "Continue as a copy": a signed-in viewer turns a live share into a conversation (or comparison) of their own. */
export const POST = handler(
  { surface: 'share', route: 'conversations', body: copyShareSchema, maxBodyBytes: 1024 },
  async ({ req, user, body }) => {
    await admitShareLookup(requestIp(req));
    // `{ conversation }` for a conversation share, `{ comparison }` for a comparison share.
    return Response.json(await copyShare(await getDb(), user, body.token), { status: 201 });
  },
);
