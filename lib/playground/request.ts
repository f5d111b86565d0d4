import type { ModelSpec } from '@/lib/models';
import { endsWithAssistant, ignoredNow, supportsPrefix } from './rules';
import type { PlaygroundImage, PlaygroundMessage, PlaygroundState } from './state';
import { credentialEnv, type UpstreamTarget } from './target';

/**
 * The one definition of the HTTP request a playground run sends upstream. The server sends exactly
 * this (its signed fetch replaces the placeholder credentials), the code generators print it and the
 * inspector shows it, so "the code matches the request" holds by construction.
 */
export interface UpstreamRequest {
  method: 'POST';
  url: string;
  /** The path the HMAC signature covers (path + query). */
  path: string;
  /** Credentials are placeholders (`<DEEPSEEK_API_KEY>` …); the signed fetch sets the real ones. */
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export const placeholder = (name: string) => `<${name}>`;

/** Credential headers as the scheme sends them, with placeholders in place of secrets. */
export function credentialHeaders(auth: UpstreamTarget['auth']): Record<string, string> {
  switch (auth) {
    case 'bearer':
      return { authorization: `Bearer ${placeholder(credentialEnv.apiKey)}` };
    case 'hmac':
      return {
        'x-api-key': placeholder(credentialEnv.apiKey),
        'x-timestamp': placeholder('UNIX_SECONDS'),
        'x-signature': placeholder('HMAC_SIGNATURE'),
      };
    case 'oauth2':
      return { authorization: `Bearer ${placeholder('ACCESS_TOKEN')}` };
  }
}

/** DeepSeek serves prefix completion under `/beta` (the `v1` alias is not part of it). */
function chatPath(target: UpstreamTarget, prefix: boolean): { url: string; path: string } {
  const base = prefix ? `${target.baseURL.replace(/\/v1$/, '')}/beta` : target.baseURL;
  const url = `${base}/chat/completions`;
  return { url, path: new URL(url).pathname };
}

/**
 * Where an image's `image_url.url` comes from. The server passes the stored bytes as a data URL;
 * the code view and anything else that only describes the request use the placeholder, so a
 * snippet never holds megabytes of base64 (the code view says how to fill it in).
 */
export type ImageUrlOf = (image: PlaygroundImage) => string;

/** `data:image/png;base64,<BASE64 OF image-1a2b3c4d.png>`: the shape of the real value, shortened. */
export const imagePlaceholder: ImageUrlOf = (image) =>
  `data:${image.mediaType};base64,<BASE64 OF ${imageFileName(image)}>`;

/** The file name an image downloads as (`GET /api/attachments/:id` names it the same way). */
export function imageFileName(image: PlaygroundImage): string {
  return `image-${image.id.slice(0, 8)}.${image.mediaType.slice('image/'.length).replace('jpeg', 'jpg')}`;
}

/** A message's content: a string, or (with images) the API's content array — images, then the text. */
function contentOf(message: PlaygroundMessage, imageUrl: ImageUrlOf): string | Record<string, unknown>[] {
  if (!message.images?.length) return message.content;
  return [
    ...message.images.map((image) => ({ type: 'image_url', image_url: { url: imageUrl(image) } })),
    ...(message.content !== '' ? [{ type: 'text', text: message.content }] : []),
  ];
}

export function buildUpstreamRequest(
  state: PlaygroundState,
  spec: ModelSpec,
  target: UpstreamTarget,
  imageUrl: ImageUrlOf = imagePlaceholder,
): UpstreamRequest {
  const prefix = endsWithAssistant(state) && supportsPrefix(spec, target);
  const ignored = ignoredNow(spec, state.thinking);
  const thinking = spec.thinking.supported && state.thinking;
  const sampling = (key: 'temperature' | 'topP' | 'frequencyPenalty' | 'presencePenalty') =>
    ignored.has(key) ? null : state[key];
  const penalties = spec.parameters.penalties;

  const messages: Record<string, unknown>[] = [
    ...(state.system.trim() !== '' ? [{ role: 'system', content: state.system }] : []),
    ...state.messages.map((message, index) =>
      prefix && index === state.messages.length - 1
        ? { role: message.role, content: contentOf(message, imageUrl), prefix: true }
        : { role: message.role, content: contentOf(message, imageUrl) },
    ),
  ];

  const body: Record<string, unknown> = { model: spec.id, messages };
  const set = (key: string, value: unknown) => {
    if (value !== null && value !== undefined) body[key] = value;
  };
  if (target.provider === 'deepseek') {
    if (spec.thinking.supported) set('thinking', { type: thinking ? 'enabled' : 'disabled' });
    if (thinking) set('reasoning_effort', state.effort);
  } else if (spec.thinking.supported) {
    // vLLM / SGLang: the DeepSeek chat template's switch (see lib/upstream/options.ts).
    set('chat_template_kwargs', { thinking });
  }
  set('temperature', sampling('temperature'));
  set('top_p', sampling('topP'));
  set('max_tokens', state.maxTokens);
  if (state.stop.length > 0) set('stop', state.stop);
  if (state.jsonOutput) set('response_format', { type: 'json_object' });
  if (penalties) {
    set('frequency_penalty', sampling('frequencyPenalty'));
    set('presence_penalty', sampling('presencePenalty'));
  }
  if (target.endUserId) set(target.provider === 'deepseek' ? 'user_id' : 'user', target.endUserId);
  body.stream = true;
  body.stream_options = { include_usage: true };

  return {
    method: 'POST',
    ...chatPath(target, prefix),
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...credentialHeaders(target.auth),
    },
    body,
  };
}

/** The exact bytes sent: the signature covers these, so every consumer serialises the same way. */
export function bodyText(request: UpstreamRequest): string {
  return JSON.stringify(request.body);
}
