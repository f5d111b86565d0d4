import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { PlaygroundScreen } from '@/components/playground/playground-screen';
import { getCurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { serverTarget } from '@/lib/playground/run';
import { can } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';

export const metadata: Metadata = { title: 'Playground · DeepSeek Studio' };

/**
 * The target the code view prints: the real upstream (no secrets), or offline this app's own
 * /api/simulator, which snippets can call with the simulator's documented key.
 */
export default async function PlaygroundPage() {
  const requestHeaders = await headers();
  const user = await getCurrentUser(requestHeaders);
  if (!user) redirect('/login?callbackUrl=/playground');
  const { offline } = getRuntime();
  const target = serverTarget(user.id);
  const origin = env.AUTH_URL
    ? new URL(env.AUTH_URL).origin
    : `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host') ?? 'localhost:3000'}`;
  return (
    <PlaygroundScreen
      target={offline ? { ...target, baseURL: `${origin}/api/simulator` } : target}
      offline={offline}
      presets={can(user.role, 'presets')}
    />
  );
}
