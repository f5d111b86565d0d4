import { comparisonDetail, editComparison, removeComparison } from '@/lib/compare/service';
import { handler } from '@/lib/http/handler';
import { updateComparisonSchema } from '../schema';
import { comparisonId, type Params } from './params';

/** GET /api/compare/:id — the comparison, every pane's messages and the votes. */
export const GET = handler<Params>({ surface: 'compare', route: 'compare' }, async ({ params, user }) =>
  Response.json(await comparisonDetail(user, comparisonId(params))),
);

/** PATCH /api/compare/:id — title, blind flag, or the whole pane list (add, remove, duplicate, settings). */
export const PATCH = handler<Params, typeof updateComparisonSchema>(
  { surface: 'compare', route: 'compare', body: updateComparisonSchema, maxBodyBytes: 64 * 1024 },
  async ({ params, user, body }) =>
    Response.json({ comparison: await editComparison(user, comparisonId(params), body) }),
);

/** DELETE /api/compare/:id — the comparison, its votes and its panes' conversations. */
export const DELETE = handler<Params>({ surface: 'compare', route: 'compare' }, async ({ params, user }) => {
  await removeComparison(user, comparisonId(params));
  return new Response(null, { status: 204 });
});
