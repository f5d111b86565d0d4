import { handler } from '@/lib/http/handler';
import { getRuntime } from '@/lib/runtime';

/** GET /api/admin/gateway — circuit breaker state per upstream and model (admins only). */
export const GET = handler({ surface: 'api', route: 'admin' }, () =>
  Response.json({ breakers: getRuntime().upstream.breakers() }),
);
