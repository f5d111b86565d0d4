import { z } from 'zod';
import { effortLevels } from '@/lib/models/catalog';

/**
 * The whole playground request as the browser holds it. The same schema validates the URL state,
 * presets and the body of `POST /api/playground/run`: one shape, checked at every boundary.
 * Structural limits live here; the model's rules (ranges, stop count, prefix completion) in
 * `rules.ts`, because they depend on the registry.
 */

export const playgroundRoles = ['system', 'user', 'assistant'] as const;
export type PlaygroundRole = (typeof playgroundRoles)[number];

export const MAX_MESSAGES = 100;
export const MAX_MESSAGE_CHARS = 200_000;
export const MAX_STOP_CHARS = 256;

/** Structural cap; the server holds each message to ATTACHMENTS_PER_MESSAGE (lib/playground/images.ts). */
export const MAX_MESSAGE_IMAGES = 16;

/**
 * An image of a user message, by reference: an uploaded attachment (`POST /api/attachments`, which
 * sniffs and re-encodes it). The state — and so the URL and the run body — never carries image
 * bytes; the server reads them from the store, as the owner's, when it sends the request.
 */
export const playgroundImageSchema = z.object({
  id: z.string().uuid(),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
});
export type PlaygroundImage = z.infer<typeof playgroundImageSchema>;

export const playgroundMessageSchema = z.object({
  role: z.enum(playgroundRoles),
  content: z.string().max(MAX_MESSAGE_CHARS),
  images: z.array(playgroundImageSchema).max(MAX_MESSAGE_IMAGES).optional(),
});
export type PlaygroundMessage = z.infer<typeof playgroundMessageSchema>;

/** `null` means "not sent" (the upstream's default applies). */
const optionalNumber = z.number().finite().nullable();

/** The parameter set a preset stores: everything but the conversation. */
export const playgroundParamsSchema = z.object({
  model: z.string().min(1).max(128),
  thinking: z.boolean(),
  effort: z.enum(effortLevels),
  temperature: optionalNumber,
  topP: optionalNumber,
  maxTokens: z.number().int().nullable(),
  stop: z.array(z.string().min(1).max(MAX_STOP_CHARS)).max(64),
  jsonOutput: z.boolean(),
  frequencyPenalty: optionalNumber,
  presencePenalty: optionalNumber,
});
export type PlaygroundParams = z.infer<typeof playgroundParamsSchema>;

export const playgroundStateSchema = playgroundParamsSchema.extend({
  system: z.string().max(MAX_MESSAGE_CHARS),
  messages: z.array(playgroundMessageSchema).max(MAX_MESSAGES),
});
export type PlaygroundState = z.infer<typeof playgroundStateSchema>;

export const defaultParams = (model: string): PlaygroundParams => ({
  model,
  thinking: false,
  effort: 'high',
  temperature: null,
  topP: null,
  maxTokens: null,
  stop: [],
  jsonOutput: false,
  frequencyPenalty: null,
  presencePenalty: null,
});

export const defaultState = (model: string): PlaygroundState => ({
  ...defaultParams(model),
  system: 'You are a helpful assistant.',
  messages: [{ role: 'user', content: 'Explain what a prefix cache is in two sentences.' }],
});

export function paramsOf(state: PlaygroundState): PlaygroundParams {
  const { system: _system, messages: _messages, ...params } = state;
  return params;
}
