import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { toAccount } from '@/lib/auth/account';
import { getCurrentUser } from '@/lib/auth/current-user';

/**
 * Every chat page needs a live session: proxy.ts only checked the cookie, this checks its session
 * row (a signed-out or disabled user's old cookie ends here).
 */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser(await headers());
  if (!user) redirect('/login');
  return <AppShell account={toAccount(user)}>{children}</AppShell>;
}
