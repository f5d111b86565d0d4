import { getDb } from '@/lib/db/client';
import { listAuditEvents } from '@/lib/db/queries/audit';
import { AppError } from '@/lib/errors';
import { auditCsv } from '@/lib/gateway/audit-csv';
import { handler } from '@/lib/http/handler';
import { auditQuerySchema } from './schema';

const CSV_MAX_ROWS = 50_000;

/** GET /api/admin/audit — audit rows newest first, filtered; `format=csv` exports them (admins only). */
export const GET = handler({ surface: 'api', route: 'admin' }, async ({ req }) => {
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request:api', { message: `Invalid filter. ${issue?.path.join('.')}: ${issue?.message}` });
  }
  const { format, limit, cache, ...filter } = parsed.data;
  const db = await getDb();
  if (format === 'csv') {
    const rows = await listAuditEvents(db, { ...filter, cacheStatus: cache }, CSV_MAX_ROWS);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new Response(auditCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${stamp}.csv"`,
      },
    });
  }
  const rows = await listAuditEvents(db, { ...filter, cacheStatus: cache }, limit + 1);
  const items = rows.slice(0, limit);
  const nextBefore = rows.length > limit ? items.at(-1)?.createdAt.toISOString() : null;
  return Response.json({ items, nextBefore });
});
