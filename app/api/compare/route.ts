import { comparisonsOf, startComparison } from '@/lib/compare/service';
import { handler } from '@/lib/http/handler';
import { createComparisonSchema } from './schema';

/** GET /api/compare — the signed-in user's comparisons, most recent activity first. */
export const GET = handler({ surface: 'compare', route: 'compare' }, async ({ user }) =>
  Response.json({ items: await comparisonsOf(user) }),
);

/** POST /api/compare — a new comparison with 2–4 panes, each an empty conversation. */
export const POST = handler(
  { surface: 'compare', route: 'compare', body: createComparisonSchema, maxBodyBytes: 64 * 1024 },
  async ({ user, body }) => Response.json({ comparison: await startComparison(user, body) }, { status: 201 }),
);
