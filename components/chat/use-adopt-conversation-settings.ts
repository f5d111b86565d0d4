'use client';

import { useEffect, useRef } from 'react';
import type { Conversation } from '@/lib/query/types';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';

/**
 * Opening a conversation shows the model and thinking mode it was last answered with, so the
 * next turn continues it as it was. Once per conversation: later picks in the header win.
 */
export function useAdoptConversationSettings(conversation: Conversation | undefined) {
  const adopted = useRef<string | null>(null);
  useEffect(() => {
    if (!conversation || adopted.current === conversation.id) return;
    adopted.current = conversation.id;
    const { setModel, setThinking, setEffort } = useChatSettingsStore.getState();
    setModel(conversation.model);
    if (conversation.params?.thinking !== undefined) setThinking(conversation.params.thinking);
    if (conversation.params?.effort) setEffort(conversation.params.effort);
  }, [conversation]);
}
