import type { Metadata } from 'next';
import { CompareScreen } from '@/components/compare/compare-screen';

export const metadata: Metadata = { title: 'Compare · DeepSeek Studio' };

/** Loads nothing itself: the client fetches the comparison (and shows "not found" for a 404). */
export default async function ComparisonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CompareScreen id={decodeURIComponent(id)} />;
}
