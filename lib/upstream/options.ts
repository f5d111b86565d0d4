import type { LanguageModelMiddleware, streamText } from 'ai';
import type { CallSettings } from '@/lib/models';
import type { UpstreamConfig } from './config';

export type ProviderOptions = NonNullable<Parameters<typeof streamText>[0]['providerOptions']>;
type Provider = UpstreamConfig['provider'];

/**
 * Our own providerOptions namespace. It carries what streamText has no option for (JSON mode) to
 * `jsonOutputMiddleware`, which turns it into the call's `responseFormat` and removes it; it is
 * never sent upstream.
 */
const STUDIO_KEY = 'studio';

/** DeepSeek's `user_id` rule: `^[a-zA-Z0-9_-]+$`, at most 512 characters. Empty → omitted. */
export function sanitizeEndUserId(endUserId: string): string | undefined {
  const cleaned = endUserId.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 512);
  return cleaned === '' ? undefined : cleaned;
}

/**
 * Provider-specific options for one call.
 *
 * - `deepseek`: `thinking` always explicit (the V4 default is on), `reasoningEffort` only with
 *   thinking, `userId` (→ `user_id`: KV-cache and scheduling isolation per end user).
 * - `openai-compatible` (vLLM / SGLang / Ollama): the OpenAI `user` field, and for models that have a
 *   thinking mode `chat_template_kwargs: { thinking }` — the switch DeepSeek V3.1+ chat templates read
 *   under vLLM and SGLang (Ollama ignores unknown fields). Other templates name it differently
 *   (Qwen3: `enable_thinking`); a MODELS_FILE for such a server should mark thinking unsupported.
 *   No `reasoning_effort`: vLLM validates it as low|medium|high and would reject DeepSeek's `max`;
 *   no `thinking` / `user_id`, which are DeepSeek-only fields.
 */
export function providerOptionsFor(provider: Provider, settings: CallSettings, endUserId: string): ProviderOptions {
  const userId = sanitizeEndUserId(endUserId);
  const studio: ProviderOptions = settings.jsonOutput ? { [STUDIO_KEY]: { jsonOutput: true } } : {};
  if (provider === 'deepseek') {
    return {
      deepseek: {
        thinking: { type: settings.thinking ? 'enabled' : 'disabled' },
        ...(settings.thinking && settings.effort ? { reasoningEffort: settings.effort } : {}),
        ...(userId ? { userId } : {}),
      },
      ...studio,
    };
  }
  return {
    upstream: {
      ...(userId ? { user: userId } : {}),
      ...(settings.spec.thinking.supported ? { chat_template_kwargs: { thinking: settings.thinking } } : {}),
    },
    ...studio,
  };
}

export interface StreamOptions {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  frequencyPenalty?: number;
  presencePenalty?: number;
  providerOptions: ProviderOptions;
  /** Retries belong to the upstream resilience layer (before the first byte only), not to the SDK. */
  maxRetries: 0;
}

/**
 * Everything a `streamText` call needs from the settings, to spread into it:
 * `streamText({ model: upstream.languageModel(id), messages, ...callSettingsToStreamOptions(...) })`.
 * JSON output rides in `providerOptions` (see `jsonOutputMiddleware`), so the model must come from
 * `Upstream.languageModel`.
 */
export function callSettingsToStreamOptions(
  settings: CallSettings,
  { endUserId, provider = 'deepseek' }: { endUserId: string; provider?: Provider },
): StreamOptions {
  // DeepSeek ignores sampling while thinking and never takes penalties; the provider would drop
  // them with a warning, so they are not passed at all.
  const sampling = provider === 'deepseek' && settings.thinking ? undefined : settings;
  const penalties = provider === 'deepseek' ? undefined : settings;
  const options: StreamOptions = {
    temperature: sampling?.temperature,
    topP: sampling?.topP,
    maxOutputTokens: settings.maxOutputTokens,
    stopSequences: settings.stopSequences,
    frequencyPenalty: penalties?.frequencyPenalty,
    presencePenalty: penalties?.presencePenalty,
    providerOptions: providerOptionsFor(provider, settings, endUserId),
    maxRetries: 0,
  };
  for (const key of Object.keys(options) as (keyof StreamOptions)[]) {
    if (options[key] === undefined) delete options[key];
  }
  return options;
}

/** Turns `providerOptions.studio.jsonOutput` into `responseFormat: { type: 'json' }` (→ `json_object`). */
export const jsonOutputMiddleware: LanguageModelMiddleware = {
  specificationVersion: 'v4',
  transformParams: async ({ params }) => {
    const studio = params.providerOptions?.[STUDIO_KEY];
    if (!params.providerOptions || !studio) return params;
    const { [STUDIO_KEY]: _, ...providerOptions } = params.providerOptions;
    return {
      ...params,
      providerOptions,
      ...(studio.jsonOutput === true ? { responseFormat: { type: 'json' as const } } : {}),
    };
  },
};
