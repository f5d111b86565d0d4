import { continueWithPane } from '@/lib/compare/service';
import { handler } from '@/lib/http/handler';
import { continueSchema } from '../../schema';
import { comparisonId, type Params } from '../params';

/** POST /api/compare/:id/continue — a pane's history becomes a normal conversation; returns its id. */
export const POST = handler<Params, typeof continueSchema>(
  { surface: 'compare', route: 'compare', body: continueSchema, maxBodyBytes: 4096 },
  async ({ params, user, body }) =>
    Response.json(
      { conversationId: await continueWithPane(user, comparisonId(params), body.conversationId) },
      { status: 201 },
    ),
);
