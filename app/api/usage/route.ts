import { getDb } from '@/lib/db/client';
import { handler } from '@/lib/http/handler';
import { usageReport } from '@/lib/usage/report';

/** GET /api/usage — the signed-in user's tokens and cost today and this month, and their limits. */
export const GET = handler({ surface: 'api', route: 'usage' }, async ({ user }) =>
  Response.json(await usageReport(await getDb(), user)),
);
