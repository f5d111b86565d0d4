import type { CallSettings, GenerationParams, ModelRegistry } from '@/lib/models';
import type { PaneConfig } from './types';

/**
 * The canonical configuration of a pane, from the registry's resolved settings rather than what the
 * browser sent: an alias and its target, or a temperature ignored while thinking, are one entry.
 */
export function configOf(settings: CallSettings): PaneConfig {
  const fields: Omit<PaneConfig, 'key'> = {
    model: settings.model,
    thinking: settings.thinking,
    effort: settings.effort,
    temperature: settings.temperature,
    topP: settings.topP,
    maxTokens: settings.maxOutputTokens,
    stop: settings.stopSequences,
    frequencyPenalty: settings.frequencyPenalty,
    presencePenalty: settings.presencePenalty,
    jsonOutput: settings.jsonOutput || undefined,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Omit<
    PaneConfig,
    'key'
  >;
  return { key: configKey(defined), ...defined };
}

/** `model;thinking=on;effort=high;temperature=0.7` — fixed field order, so equal settings give equal keys. */
export function configKey(config: Omit<PaneConfig, 'key'>): string {
  const parts = [config.model, `thinking=${config.thinking ? 'on' : 'off'}`];
  const optional = [
    'effort',
    'temperature',
    'topP',
    'maxTokens',
    'stop',
    'frequencyPenalty',
    'presencePenalty',
    'jsonOutput',
  ] as const;
  for (const name of optional) {
    const value = config[name];
    if (value !== undefined) parts.push(`${name}=${Array.isArray(value) ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(';');
}

/** Resolves a pane through the registry; throws the registry's typed 400 for an unknown model or bad parameters. */
export function paneConfig(registry: ModelRegistry, model: string, params: GenerationParams): PaneConfig {
  return configOf(registry.settingsFor(model, params));
}
