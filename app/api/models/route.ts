import { handler } from '@/lib/http/handler';
import { getRegistry } from '@/lib/models/load';
import { modelAllowed } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';

/**
 * GET /api/models — what the pickers render: the models (and aliases) the caller's role may use;
 * `simulator` drives the offline badge.
 */
export const GET = handler({ surface: 'model', route: 'models' }, ({ user }) => {
  const registry = getRegistry();
  const models = registry.list().filter((model) => modelAllowed(user.role, model.id));
  const { defaultModel } = registry.catalog;
  return Response.json({
    defaultModel: models.some((model) => model.id === defaultModel) ? defaultModel : (models[0]?.id ?? defaultModel),
    simulator: getRuntime().offline,
    models,
    aliases: registry.catalog.aliases.filter((alias) => modelAllowed(user.role, alias.target)),
  });
});
