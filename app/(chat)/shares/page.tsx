import type { Metadata } from 'next';
import { SharesView } from '@/components/share/shares-view';

export const metadata: Metadata = { title: 'Shared links · DeepSeek Studio' };

export default function SharesPage() {
  return <SharesView />;
}
