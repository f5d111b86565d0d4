import { defaultState, type PlaygroundState, playgroundStateSchema } from './state';

/**
 * The playground state in the URL (`/playground?s=1.<base64url JSON>`), so a setup can be bookmarked
 * or sent to a colleague. Versioned by the leading `1.`; fields equal to the defaults are left out to
 * keep links short. Decoding never throws: a malformed value gives the defaults and a reason.
 */

export const URL_STATE_PARAM = 's';
const VERSION = '1';

export type DecodedState = { ok: true; state: PlaygroundState } | { ok: false; reason: string };

export function encodeState(state: PlaygroundState): string {
  const defaults = defaultState(state.model) as Record<string, unknown>;
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === 'model' || JSON.stringify(value) !== JSON.stringify(defaults[key])) compact[key] = value;
  }
  return `${VERSION}.${toBase64Url(JSON.stringify(compact))}`;
}

export function decodeState(encoded: string, fallbackModel: string): DecodedState {
  const dot = encoded.indexOf('.');
  if (dot < 0 || encoded.slice(0, dot) !== VERSION) {
    return { ok: false, reason: 'The link uses an unknown playground format.' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(encoded.slice(dot + 1)));
  } catch {
    return { ok: false, reason: 'The link’s playground state is damaged.' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, reason: 'The link’s playground state is damaged.' };
  }
  const model =
    typeof (raw as { model?: unknown }).model === 'string' ? (raw as { model: string }).model : fallbackModel;
  const parsed = playgroundStateSchema.safeParse({ ...defaultState(model), ...raw });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `The link’s playground state is invalid (${issue?.path.join('.') || 'state'}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  return { ok: true, state: parsed.data };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
