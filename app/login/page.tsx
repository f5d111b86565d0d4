import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginScreen } from '@/components/auth/login-screen';
import { signInOptions } from '@/lib/auth/authjs';
import { providerError, safeCallbackPath } from '@/lib/auth/callback-path';
import { getCurrentUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Sign in · DeepSeek Studio' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The one page open to signed-out visitors (besides shares); a signed-in visitor goes on at once. */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentUser(await headers())) redirect(callbackUrl);
  return (
    <LoginScreen
      options={signInOptions()}
      callbackUrl={callbackUrl}
      initialError={providerError(first(params.error))}
    />
  );
}
