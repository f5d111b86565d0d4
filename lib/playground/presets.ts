import { z } from 'zod';
import { type PlaygroundParams, playgroundParamsSchema } from './state';

/**
 * Presets: named parameter sets. Built-ins live here (read-only, every user sees them) and keep
 * the model the playground has; a user's own presets are rows in `presets` and carry every
 * parameter, the model included.
 */

export const MAX_PRESETS = 100;
export const presetNameSchema = z.string().trim().min(1).max(80);

export const newPresetSchema = z.object({ name: presetNameSchema, params: playgroundParamsSchema }).strict();
export const presetUpdateSchema = z
  .object({ name: presetNameSchema.optional(), params: playgroundParamsSchema.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.params !== undefined, 'Nothing to change.');

export type BuiltInParams = Omit<PlaygroundParams, 'model'>;

export interface PresetView {
  id: string;
  name: string;
  builtIn: boolean;
  /** Built-ins leave out `model`: loading one keeps the model already chosen. */
  params: PlaygroundParams | BuiltInParams;
  updatedAt?: string;
}

const base: BuiltInParams = {
  thinking: false,
  effort: 'high',
  temperature: null,
  topP: null,
  maxTokens: null,
  stop: [],
  jsonOutput: false,
  frequencyPenalty: null,
  presencePenalty: null,
};

export const builtInPresets: readonly PresetView[] = [
  { id: 'builtin:deterministic', name: 'Deterministic', builtIn: true, params: { ...base, temperature: 0, topP: 1 } },
  { id: 'builtin:creative', name: 'Creative', builtIn: true, params: { ...base, temperature: 1.5, topP: 0.95 } },
  {
    id: 'builtin:json-extraction',
    name: 'JSON extraction',
    builtIn: true,
    params: { ...base, temperature: 0, maxTokens: 2048, jsonOutput: true },
  },
];

export const isBuiltInId = (id: string) => id.startsWith('builtin:');

/** The parameters after loading `preset` into a playground that uses `model`. */
export function applyPreset(preset: PresetView, model: string): PlaygroundParams {
  return { model, ...preset.params };
}
