import { z } from 'zod';
import { exportComparison } from '@/lib/compare/service';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { attachmentDisposition } from '@/lib/transfer/export';
import { comparisonId, type Params } from '../params';

const formatSchema = z.enum(['md', 'json']);

/** GET /api/compare/:id/export?format=md|json — the comparison as a download, one section per pane. */
export const GET = handler<Params>({ surface: 'compare', route: 'compare' }, async ({ req, params, user }) => {
  const format = formatSchema.safeParse(new URL(req.url).searchParams.get('format') ?? 'md');
  if (!format.success) throw new AppError('bad_request:compare', { message: 'format must be md or json.' });
  const file = await exportComparison(user, comparisonId(params), format.data);
  return new Response(file.body, {
    headers: { 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.filename) },
  });
});
