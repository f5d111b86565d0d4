import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NewCompareScreen } from '@/components/compare/compare-screen';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy/roles';

export const metadata: Metadata = { title: 'Compare · DeepSeek Studio' };

export default async function ComparePage() {
  const user = await getCurrentUser(await headers());
  // The draft becomes a saved comparison in place (same screen), which can then be shared.
  return <NewCompareScreen canShare={Boolean(user && can(user.role, 'shares'))} />;
}
