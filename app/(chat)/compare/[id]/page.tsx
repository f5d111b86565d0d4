import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { CompareScreen } from '@/components/compare/compare-screen';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy/roles';

export const metadata: Metadata = { title: 'Compare · DeepSeek Studio' };

/** Loads nothing itself: the client fetches the comparison (and shows "not found" for a 404). */
export default async function ComparisonPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user] = await Promise.all([params, getCurrentUser(await headers())]);
  return <CompareScreen id={decodeURIComponent(id)} canShare={Boolean(user && can(user.role, 'shares'))} />;
}
