import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { type Catalog, defaultCatalog, effortLevels, type ModelSpec, type ReasoningEffort } from './catalog';

export type { Catalog, ModelAlias, ModelSpec, ReasoningEffort } from './catalog';
export { catalogSchema, defaultCatalog, effortLevels } from './catalog';

/** Sampling and mode parameters as the browser sends them (camelCase, all optional). */
export const generationParamsSchema = z.object({
  thinking: z.boolean().optional(),
  effort: z.enum(effortLevels).optional(),
  temperature: z.number().finite().optional(),
  topP: z.number().finite().optional(),
  maxTokens: z.number().int().optional(),
  stop: z.array(z.string().min(1).max(256)).optional(),
  frequencyPenalty: z.number().finite().optional(),
  presencePenalty: z.number().finite().optional(),
  jsonOutput: z.boolean().optional(),
});
export type GenerationParams = z.infer<typeof generationParamsSchema>;

/** What the upstream call receives after the registry's rules are applied. */
export interface CallSettings {
  /** The id requested (may be an alias). */
  requestedModel: string;
  /** The id sent upstream. */
  model: string;
  spec: ModelSpec;
  thinking: boolean;
  effort?: ReasoningEffort;
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  frequencyPenalty?: number;
  presencePenalty?: number;
  jsonOutput: boolean;
  /** Parameters the request carried that this model ignores in this mode; not sent. */
  ignored: string[];
}

export interface ParamIssue {
  param: string;
  message: string;
}

export interface ModelRegistry {
  catalog: Catalog;
  /** Models a picker shows, in order. */
  list(): ModelSpec[];
  get(id: string): ModelSpec | undefined;
  /** Resolve an id or alias to its spec and forced thinking mode. */
  resolve(id: string): { spec: ModelSpec; forcedThinking?: boolean } | undefined;
  /** Validate parameters against the model; throws `bad_request:params` listing every issue. */
  settingsFor(modelId: string, params: GenerationParams): CallSettings;
  /** Cost in the catalog currency for a finished call. */
  costOf(modelId: string, usage: TokenUsage, at?: Date): number | undefined;
}

export interface TokenUsage {
  cacheHitTokens: number;
  cacheMissTokens: number;
  outputTokens: number;
}

export function createRegistry(catalog: Catalog = defaultCatalog): ModelRegistry {
  const byId = new Map(catalog.models.map((model) => [model.id, model]));
  const aliases = new Map(catalog.aliases.map((alias) => [alias.id, alias]));

  const resolve = (id: string) => {
    const spec = byId.get(id);
    if (spec) return { spec };
    const alias = aliases.get(id);
    const target = alias ? byId.get(alias.target) : undefined;
    return alias && target ? { spec: target, forcedThinking: alias.thinking } : undefined;
  };

  return {
    catalog,
    list: () => catalog.models.filter((model) => !model.hidden),
    get: (id) => resolve(id)?.spec,
    resolve,
    settingsFor(modelId, params) {
      const resolved = resolve(modelId);
      if (!resolved) {
        throw new AppError('bad_request:model', {
          message: `Unknown model "${modelId}".`,
          details: { model: modelId, available: catalog.models.map((model) => model.id) },
        });
      }
      const { spec, forcedThinking } = resolved;
      const issues = checkParams(spec, params);
      if (forcedThinking !== undefined && params.thinking !== undefined && params.thinking !== forcedThinking) {
        issues.push({
          param: 'thinking',
          message: `${modelId} always runs with thinking ${forcedThinking ? 'on' : 'off'}.`,
        });
      }
      if (issues.length > 0) {
        throw new AppError('bad_request:params', {
          message: issues.map((issue) => issue.message).join(' '),
          details: { issues },
        });
      }
      const thinking = spec.thinking.supported
        ? (forcedThinking ?? params.thinking ?? spec.thinking.defaultEnabled)
        : false;
      const ignoredNow = new Set<string>(thinking ? spec.parameters.ignoredWhileThinking : []);
      const pick = <K extends 'temperature' | 'topP' | 'frequencyPenalty' | 'presencePenalty'>(key: K) =>
        ignoredNow.has(key) ? undefined : params[key];
      const ignored = (['temperature', 'topP', 'frequencyPenalty', 'presencePenalty'] as const).filter(
        (key) => params[key] !== undefined && ignoredNow.has(key),
      );
      return {
        requestedModel: modelId,
        model: spec.id,
        spec,
        thinking,
        effort: thinking ? (params.effort ?? spec.thinking.defaultEffort) : undefined,
        temperature: pick('temperature'),
        topP: pick('topP'),
        maxOutputTokens: params.maxTokens,
        stopSequences: params.stop && params.stop.length > 0 ? params.stop : undefined,
        frequencyPenalty: spec.parameters.penalties ? pick('frequencyPenalty') : undefined,
        presencePenalty: spec.parameters.penalties ? pick('presencePenalty') : undefined,
        jsonOutput: params.jsonOutput ?? false,
        ignored,
      };
    },
    costOf(modelId, usage, at = new Date()) {
      const prices = resolve(modelId)?.spec.prices;
      if (!prices) return undefined;
      const table = prices.offPeak && !isPeak(catalog, at) ? prices.offPeak : prices.peak;
      return (
        (usage.cacheHitTokens * table.cacheHit +
          usage.cacheMissTokens * table.cacheMiss +
          usage.outputTokens * table.output) /
        1_000_000
      );
    },
  };
}

/** Every rule the registry knows, as a list of problems (empty when the parameters are fine). */
export function checkParams(spec: ModelSpec, params: GenerationParams): ParamIssue[] {
  const issues: ParamIssue[] = [];
  const { temperature, topP } = spec.parameters;
  const inRange = (param: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && (value < min || value > max)) {
      issues.push({ param, message: `${param} must be between ${min} and ${max} (got ${value}).` });
    }
  };
  inRange('temperature', params.temperature, temperature.min, temperature.max);
  inRange('topP', params.topP, topP.min, topP.max);
  inRange('maxTokens', params.maxTokens, 1, spec.maxOutputTokens);
  if (params.frequencyPenalty !== undefined || params.presencePenalty !== undefined) {
    if (!spec.parameters.penalties) {
      issues.push({ param: 'penalties', message: `${spec.id} does not support frequency or presence penalties.` });
    }
    inRange('frequencyPenalty', params.frequencyPenalty, -2, 2);
    inRange('presencePenalty', params.presencePenalty, -2, 2);
  }
  if (params.stop && params.stop.length > spec.parameters.maxStopSequences) {
    issues.push({ param: 'stop', message: `At most ${spec.parameters.maxStopSequences} stop sequences.` });
  }
  if (params.thinking && !spec.thinking.supported) {
    issues.push({ param: 'thinking', message: `${spec.id} has no thinking mode.` });
  }
  if (params.effort && !spec.thinking.efforts.includes(params.effort)) {
    issues.push({ param: 'effort', message: `${spec.id} does not support effort "${params.effort}".` });
  }
  if (params.jsonOutput && !spec.parameters.jsonOutput) {
    issues.push({ param: 'jsonOutput', message: `${spec.id} does not support JSON output.` });
  }
  return issues;
}

export function isPeak(catalog: Catalog, at: Date): boolean {
  const day = at.getUTCDay();
  const minutes = at.getUTCHours() * 60 + at.getUTCMinutes();
  const toMinutes = (hhmm: string) => {
    const [h = '0', m = '0'] = hhmm.split(':');
    return Number(h) * 60 + Number(m);
  };
  return catalog.peakHoursUtc.some(
    (window) => window.days.includes(day) && minutes >= toMinutes(window.from) && minutes < toMinutes(window.to),
  );
}
