import { z } from 'zod';

/**
 * The shape of the model list. The list itself (ids, limits, prices) is configuration:
 * `defaultCatalog` below ships the public DeepSeek API as of Nov 2026, and `MODELS_FILE`
 * replaces it with a JSON file of the same shape (self-hosted servers, price changes).
 */

const priceTable = z.object({
  /** Per million tokens. */
  cacheHit: z.number().nonnegative(),
  cacheMiss: z.number().nonnegative(),
  output: z.number().nonnegative(),
});

const range = z.object({ min: z.number(), max: z.number(), default: z.number() });

export const effortLevels = ['low', 'high', 'max'] as const;
export type ReasoningEffort = (typeof effortLevels)[number];

export const modelSpecSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  description: z.string().default(''),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  thinking: z.object({
    supported: z.boolean(),
    /** What the upstream does when `thinking` is not sent. */
    defaultEnabled: z.boolean(),
    efforts: z.array(z.enum(effortLevels)).default([]),
    defaultEffort: z.enum(effortLevels).optional(),
  }),
  vision: z.boolean().default(false),
  parameters: z.object({
    temperature: range.default({ min: 0, max: 2, default: 1 }),
    topP: range.default({ min: 0, max: 1, default: 1 }),
    /** Penalties are honoured by some self-hosted servers, deprecated on the public API. */
    penalties: z.boolean().default(false),
    /** Sampling parameters the model accepts but ignores while thinking is on. */
    ignoredWhileThinking: z.array(z.enum(['temperature', 'topP', 'frequencyPenalty', 'presencePenalty'])).default([]),
    maxStopSequences: z.number().int().nonnegative().default(16),
    jsonOutput: z.boolean().default(true),
    /**
     * Chat prefix completion: a final assistant message the model continues (`prefix: true`).
     * DeepSeek serves it under `/beta`; most OpenAI-compatible servers do not take the flag.
     */
    prefixCompletion: z.boolean().default(false),
  }),
  prices: z
    .object({
      currency: z.enum(['USD', 'CNY']).default('USD'),
      peak: priceTable,
      offPeak: priceTable.optional(),
    })
    .optional(),
  /** Hidden from pickers; still accepted (legacy ids resolve to another model). */
  hidden: z.boolean().default(false),
});

export const aliasSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  target: z.string().min(1),
  /** Forces the thinking mode (deepseek-chat → off, deepseek-reasoner → on). */
  thinking: z.boolean().optional(),
  note: z.string().default(''),
});

export const catalogSchema = z.object({
  defaultModel: z.string().min(1),
  /** Peak windows (UTC). Outside them the off-peak price applies, when a model has one. */
  peakHoursUtc: z
    .array(z.object({ days: z.array(z.number().int().min(0).max(6)), from: z.string(), to: z.string() }))
    .default([]),
  models: z.array(modelSpecSchema).min(1),
  aliases: z.array(aliasSchema).default([]),
});

export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type ModelAlias = z.infer<typeof aliasSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

const v4Parameters = {
  temperature: { min: 0, max: 2, default: 1 },
  topP: { min: 0, max: 1, default: 1 },
  penalties: false,
  ignoredWhileThinking: ['temperature', 'topP', 'frequencyPenalty', 'presencePenalty'],
  maxStopSequences: 16,
  jsonOutput: true,
  prefixCompletion: true,
} as const;

export const defaultCatalog: Catalog = catalogSchema.parse({
  defaultModel: 'deepseek-flash',
  // Weekdays 01:00–04:00 and 06:00–10:00 UTC (Beijing 09–12 and 14–18), pricing page 2026-11-15.
  peakHoursUtc: [
    { days: [1, 2, 3, 4, 5], from: '01:00', to: '04:00' },
    { days: [1, 2, 3, 4, 5], from: '06:00', to: '10:00' },
  ],
  models: [
    {
      id: 'deepseek-flash',
      label: 'DeepSeek Flash',
      description: 'V4.1-Flash: fast, 1M context, images',
      contextWindow: 1_000_000,
      maxOutputTokens: 384_000,
      thinking: { supported: true, defaultEnabled: true, efforts: ['low', 'high', 'max'], defaultEffort: 'high' },
      vision: true,
      parameters: v4Parameters,
      prices: {
        currency: 'USD',
        peak: { cacheHit: 0.006, cacheMiss: 0.3, output: 1.2 },
        offPeak: { cacheHit: 0.003, cacheMiss: 0.15, output: 0.6 },
      },
    },
    {
      id: 'deepseek-v4-pro',
      label: 'DeepSeek V4 Pro',
      description: 'V4-Pro: strongest reasoning, 1M context, text only',
      contextWindow: 1_000_000,
      maxOutputTokens: 384_000,
      thinking: { supported: true, defaultEnabled: true, efforts: ['low', 'high', 'max'], defaultEffort: 'high' },
      vision: false,
      parameters: v4Parameters,
      prices: {
        currency: 'USD',
        peak: { cacheHit: 0.044, cacheMiss: 1.32, output: 3.96 },
        offPeak: { cacheHit: 0.022, cacheMiss: 0.66, output: 1.98 },
      },
    },
  ],
  aliases: [
    { id: 'deepseek-v4-flash', label: 'DeepSeek V4 Flash (legacy id)', target: 'deepseek-flash' },
    { id: 'deepseek-v4-flash-vision-exp', label: 'DeepSeek V4 Flash Vision (legacy id)', target: 'deepseek-flash' },
    {
      id: 'deepseek-chat',
      label: 'deepseek-chat (retired)',
      target: 'deepseek-flash',
      thinking: false,
      note: 'Retired 2026-07-24; served as deepseek-flash with thinking off.',
    },
    {
      id: 'deepseek-reasoner',
      label: 'deepseek-reasoner (retired)',
      target: 'deepseek-flash',
      thinking: true,
      note: 'Retired 2026-07-24; served as deepseek-flash with thinking on.',
    },
  ],
});
