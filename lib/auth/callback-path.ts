/** Where to go after signing in: only same-site paths, so `?callbackUrl=` cannot redirect off-site. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.startsWith('/login') ? '/' : value;
}

/** Auth.js's `?error=` values the login page has words for; anything else is shown generically. */
export const providerErrors = ['OAuthAccountNotLinked', 'AccessDenied'] as const;
export type ProviderError = (typeof providerErrors)[number] | 'other';

export function providerError(value: string | null | undefined): ProviderError | undefined {
  if (!value) return undefined;
  return (providerErrors as readonly string[]).includes(value) ? (value as ProviderError) : 'other';
}
