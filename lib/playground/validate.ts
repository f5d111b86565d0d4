import { AppError } from '@/lib/errors';
import type { CallSettings, ModelRegistry, ModelSpec } from '@/lib/models';
import { ignoredNow, playgroundIssues, toGenerationParams } from './rules';
import type { PlaygroundState } from './state';
import type { UpstreamTarget } from './target';

export function resolveSpec(registry: ModelRegistry, model: string): ModelSpec {
  const spec = registry.get(model);
  if (!spec) {
    throw new AppError('bad_request:model', {
      message: `Unknown model "${model}".`,
      details: { model, available: registry.list().map((item) => item.id) },
    });
  }
  return spec;
}

/** The server's check before anything is admitted or sent: every form rule, as a typed 400. */
export function assertRunnable(
  registry: ModelRegistry,
  state: PlaygroundState,
  spec: ModelSpec,
  target: Pick<UpstreamTarget, 'provider'>,
): CallSettings {
  const issues = playgroundIssues(state, spec, target);
  if (issues.length > 0) {
    throw new AppError('bad_request:params', {
      message: issues.map((issue) => issue.message).join(' '),
      details: { issues },
    });
  }
  const params = toGenerationParams(state);
  for (const key of ignoredNow(spec, state.thinking)) params[key] = undefined;
  if (!spec.thinking.supported) params.thinking = undefined;
  return registry.settingsFor(spec.id, params);
}
