import type { Metadata } from 'next';
import { ConversationScreen } from '@/components/chat/conversation-screen';

export const metadata: Metadata = { title: 'DeepSeek Studio' };

/** Loads nothing itself: the client fetches the conversation (and shows "not found" for a 404). */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConversationScreen id={decodeURIComponent(id)} />;
}
