import { leaderboard } from '@/lib/compare/service';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { leaderboardQuerySchema } from '../schema';

/** GET /api/compare/leaderboard?scope=me|instance — configurations ranked by Elo from blind and open votes. */
export const GET = handler({ surface: 'compare', route: 'compare' }, async ({ req, user }) => {
  const query = leaderboardQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw new AppError('bad_request:compare', { message: 'scope must be "me" or "instance".' });
  return Response.json(await leaderboard(user, query.data.scope));
});
