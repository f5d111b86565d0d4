'use client';

import { memo } from 'react';
import type { ChatMessage } from '@/lib/chat/types';
import { AssistantMessage } from './assistant-message';
import type { ChatActions } from './use-chat-session';
import { UserMessage } from './user-message';

/**
 * One message, memoised: while an answer streams only the streaming message gets a new object from
 * useChat, so every other message skips rendering.
 */
export const MessageItem = memo(function MessageItem({
  message,
  streaming,
  busy,
  isLast,
  actions,
}: {
  message: ChatMessage;
  streaming: boolean;
  busy: boolean;
  isLast: boolean;
  actions: ChatActions;
}) {
  if (message.role === 'user') return <UserMessage message={message} busy={busy} onEdit={actions.edit} />;
  if (message.role === 'assistant') {
    return (
      <AssistantMessage
        message={message}
        streaming={streaming}
        busy={busy}
        isLast={isLast}
        onRegenerate={actions.regenerate}
        onContinue={actions.continueAnswer}
      />
    );
  }
  return null;
});
