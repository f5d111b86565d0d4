import { handler } from '@/lib/http/handler';
import { getRegistry } from '@/lib/models/load';
import { getRuntime } from '@/lib/runtime';

/** GET /api/models — what the pickers render; `simulator` drives the offline badge. */
export const GET = handler({ surface: 'model' }, () => {
  const registry = getRegistry();
  return Response.json({
    defaultModel: registry.catalog.defaultModel,
    simulator: getRuntime().offline,
    models: registry.list(),
    aliases: registry.catalog.aliases,
  });
});
