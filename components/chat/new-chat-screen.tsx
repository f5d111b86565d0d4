'use client';

import { useUiStore } from '@/lib/stores/ui-store';
import { ChatView } from './chat-view';

/**
 * `/`: a fresh chat. Keyed by the "New chat" counter: after the first answer the URL is only
 * replaced with /c/<id>, so the router may not remount this page by itself.
 */
export function NewChatScreen() {
  const nonce = useUiStore((state) => state.newChatNonce);
  return <ChatView key={nonce} initialMessages={[]} />;
}
