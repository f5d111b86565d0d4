import type { Metadata } from 'next';
import { LeaderboardView } from '@/components/compare/leaderboard-view';

export const metadata: Metadata = { title: 'Leaderboard · DeepSeek Studio' };

export default function LeaderboardPage() {
  return <LeaderboardView />;
}
