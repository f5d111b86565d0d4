import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { ConversationScreen } from '@/components/chat/conversation-screen';

export const metadata: Metadata = { title: 'DeepSeek Studio' };

/**
 * Loads nothing itself: the client fetches the conversation (and shows "not found" for a 404). The
 * HTML asks the browser to start that fetch at once, while the scripts load, instead of after
 * hydration (a 1,000-message conversation opens ~0.3–0.7 s sooner; see docs/PERFORMANCE.md).
 */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const decoded = decodeURIComponent(id);
  // Same URL, mode and credentials as conversationQueryOptions' fetch, so the browser reuses it.
  preload(`/api/conversations/${encodeURIComponent(decoded)}`, { as: 'fetch', crossOrigin: 'anonymous' });
  return <ConversationScreen id={decoded} />;
}
