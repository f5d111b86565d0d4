import { AppError } from '@/lib/errors';
import { apiFetch, errorFromResponse, NetworkError } from '@/lib/query/api';

/**
 * The browser's side of signing in. Auth.js endpoints take form posts with its CSRF token and
 * answer `{ url }` (X-Auth-Return-Redirect), where a refusal is `?error=…&code=…`; a rate limit
 * from lib/auth/route.ts is our own JSON error with Retry-After. Both become one `AuthFailure`.
 */

export type AuthFailureKind =
  | 'invalid_credentials'
  | 'disabled'
  | 'rate_limited'
  | 'weak_password'
  | 'not_created'
  | 'wrong_password'
  | 'invalid_input'
  | 'network'
  | 'other'
  /** Auth.js refusals of a GitHub/OIDC sign-in, passed back to /login as `?error=` */
  | 'OAuthAccountNotLinked'
  | 'AccessDenied';

export interface AuthFailure {
  kind: AuthFailureKind;
  /** weak_password: which rule (too_short, one_class, is_email, too_long) */
  reason?: string;
  retryAfterSeconds?: number;
  /** the server's sentence (English), for failures the catalog has no words for */
  message?: string;
}

export type AuthResult = { ok: true } | { ok: false; failure: AuthFailure };

const passwordReasons = new Set(['too_short', 'too_long', 'one_class', 'is_email']);

export function failureFrom(error: unknown): AuthFailure {
  if (error instanceof NetworkError) return { kind: 'network' };
  if (!(error instanceof AppError)) return { kind: 'other' };
  if (error.type === 'rate_limit') return { kind: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds };
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  if (reason && passwordReasons.has(reason)) return { kind: 'weak_password', reason };
  if (reason === 'not_created' || reason === 'wrong_password') return { kind: reason };
  if (error.type === 'bad_request') return { kind: 'invalid_input', message: error.message };
  return { kind: 'other', message: error.message };
}

async function csrfToken(): Promise<string> {
  const { csrfToken } = await apiFetch<{ csrfToken: string }>('/api/auth/csrf');
  return csrfToken;
}

/** POST to an Auth.js action; resolves to its redirect URL, or throws AppError / NetworkError. */
async function authPost(path: string, fields: Record<string, string> = {}): Promise<URL> {
  const body = new URLSearchParams({ callbackUrl: window.location.href, ...fields, csrfToken: await csrfToken() });
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body,
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) throw await errorFromResponse(response);
  const { url } = (await response.json()) as { url: string };
  return new URL(url, window.location.origin);
}

async function attempt(run: () => Promise<AuthFailure | undefined>): Promise<AuthResult> {
  try {
    const failure = await run();
    return failure ? { ok: false, failure } : { ok: true };
  } catch (error) {
    return { ok: false, failure: failureFrom(error) };
  }
}

function refusal(url: URL): AuthFailure | undefined {
  const error = url.searchParams.get('error');
  if (!error) return undefined;
  const code = url.searchParams.get('code');
  if (code === 'disabled') return { kind: 'disabled' };
  return error === 'CredentialsSignin' ? { kind: 'invalid_credentials' } : { kind: 'other' };
}

export function signInWithPassword(email: string, password: string): Promise<AuthResult> {
  return attempt(async () => refusal(await authPost('/api/auth/callback/credentials', { email, password })));
}

export function signInAsGuest(): Promise<AuthResult> {
  return attempt(async () => refusal(await authPost('/api/auth/callback/guest')));
}

/** Creates the account, then signs in with it. */
export function signUp(input: { email: string; password: string; name?: string }): Promise<AuthResult> {
  return attempt(async () => {
    await apiFetch('/api/auth/sign-up', { method: 'POST', body: JSON.stringify(input) });
    return refusal(await authPost('/api/auth/callback/credentials', { email: input.email, password: input.password }));
  });
}

/** GitHub / OIDC: Auth.js answers with the provider's authorization URL; the browser goes there. */
export function signInWith(provider: string, callbackUrl: string): Promise<AuthResult> {
  return attempt(async () => {
    const url = await authPost(`/api/auth/signin/${encodeURIComponent(provider)}`, { callbackUrl });
    const failure = refusal(url);
    if (!failure) window.location.assign(url.toString());
    return failure;
  });
}

/** Ends the session on the server (its row is deleted), then the cookie. */
export function signOut(): Promise<AuthResult> {
  return attempt(async () => {
    await authPost('/api/auth/signout');
    return undefined;
  });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<AuthResult> {
  return attempt(async () => {
    await apiFetch('/api/account/password', { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
    return undefined;
  });
}
