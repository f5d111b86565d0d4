import { getDb } from '@/lib/db/client';
import { handler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';
import { admitShareLookup } from '@/lib/share/lookup-limit';
import { copyShare } from '@/lib/share/service';
import { copyShareSchema } from '../schema';

/** "Continue as a copy": a signed-in viewer turns a live share into a conversation of their own. */
export const POST = handler(
  { surface: 'share', route: 'conversations', body: copyShareSchema, maxBodyBytes: 1024 },
  async ({ req, user, body }) => {
    await admitShareLookup(requestIp(req));
    const conversation = await copyShare(await getDb(), user, body.token);
    return Response.json({ conversation }, { status: 201 });
  },
);
