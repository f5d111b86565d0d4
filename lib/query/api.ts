import { AppError } from '@/lib/errors';

/**
 * fetch for the app's own JSON API: a non-2xx answer becomes the typed `AppError` the server
 * described (`{ error: { code, message } }`), so callers never match on status text.
 */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (response.status === 401 && typeof window !== 'undefined' && !path.startsWith('/api/auth/')) {
    // The session ended elsewhere (signed out, password changed, disabled): sign in again.
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function errorFromResponse(response: Response): Promise<AppError> {
  const text = await response.text().catch(() => '');
  return errorFromText(text, response.status);
}

/** The network itself failed (offline, server down): not an `AppError` from the server. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

/**
 * Rebuilds an `AppError` from what the server sent: an error body `{ error: {code, message} }`,
 * or the bare `{code, message}` a UI-stream error chunk carries as its `errorText`.
 */
export function errorFromText(text: string, status?: number): AppError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const fromBody =
    AppError.fromBody(parsed) ?? AppError.fromBody({ error: parsed as Record<string, unknown> | undefined });
  if (fromBody) return fromBody;
  if (status === 404) return new AppError('not_found:api');
  if (status === 401) return new AppError('unauthorized:api');
  if (status === 403) return new AppError('forbidden:api');
  if (status === 429) return new AppError('rate_limit:api');
  return new AppError('internal:api', { internalDetail: text.slice(0, 500) });
}

/** Errors surfaced by `useChat` (HTTP error text, stream error text, or a fetch failure) as one type. */
export function chatErrorToAppError(error: Error): AppError | NetworkError {
  if (error instanceof AppError || error instanceof NetworkError) return error;
  if (error.name === 'TypeError' || /failed to fetch|network ?error|load failed/i.test(error.message)) {
    return new NetworkError(error);
  }
  const status = (error as { statusCode?: number }).statusCode;
  const body = (error as { responseBody?: string }).responseBody;
  return errorFromText(body ?? error.message, status);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.type === 'not_found';
}
