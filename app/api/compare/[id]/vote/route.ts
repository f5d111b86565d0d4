import { voteOnTurn } from '@/lib/compare/service';
import { handler } from '@/lib/http/handler';
import { voteSchema } from '../../schema';
import { comparisonId, type Params } from '../params';

/** POST /api/compare/:id/vote — one verdict per turn; a second one is 409. */
export const POST = handler<Params, typeof voteSchema>(
  { surface: 'compare', route: 'compare', body: voteSchema, maxBodyBytes: 4096 },
  async ({ params, user, body }) =>
    Response.json({ vote: await voteOnTurn(user, comparisonId(params), body) }, { status: 201 }),
);
