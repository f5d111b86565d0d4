import type { Metadata } from 'next';
import { NewCompareScreen } from '@/components/compare/compare-screen';

export const metadata: Metadata = { title: 'Compare · DeepSeek Studio' };

export default function ComparePage() {
  return <NewCompareScreen />;
}
