'use client';

import { useCallback } from 'react';
import { ArrowDownIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { newChatDraftKey } from '@/lib/stores/draft-store';
import { Composer } from './composer';
import { DocumentTitle } from './document-title';
import { EmptyState } from './empty-state';
import { ErrorBanner } from './error-banner';
import { MessageList } from './message-list';
import { useChatSession } from './use-chat-session';
import { useEffectiveSettings } from './use-effective-settings';
import { useStickToBottom } from './use-stick-to-bottom';

/** A conversation: the transcript (useChat), the error banner and the composer. */
export function ChatView({
  conversationId,
  initialMessages,
}: {
  conversationId?: string;
  initialMessages: ChatMessage[];
}) {
  const t = useT();
  const { settings } = useEffectiveSettings();
  const chat = useChatSession({ conversationId, initialMessages, settings });
  const { messages, status, error, actions, clearError } = chat;
  const { scrollRef, contentRef, atBottom, scrollToBottom } = useStickToBottom();

  const busy = status === 'submitted' || status === 'streaming';
  const last = messages.at(-1);
  const waiting = status === 'submitted' && last?.role !== 'assistant';

  const send = useCallback(
    (text: string) => {
      scrollToBottom();
      actions.send(text);
    },
    [actions, scrollToBottom],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="chat-view" data-status={status}>
      <DocumentTitle conversationId={chat.conversationId} messages={messages} />
      <div
        ref={scrollRef}
        data-testid="chat-scroll"
        className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain [scrollbar-gutter:stable]"
      >
        <div ref={contentRef} className="mx-auto flex min-h-full w-full max-w-3xl flex-col px-4 sm:px-6">
          {messages.length === 0 ? (
            <EmptyState onPick={send} disabled={!settings || busy} />
          ) : (
            <MessageList messages={messages} busy={busy} waiting={waiting} actions={actions} scrollRef={scrollRef} />
          )}
        </div>
      </div>

      <div className="relative shrink-0 px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-6">
        {!atBottom && messages.length > 0 && (
          <button
            type="button"
            onClick={() => scrollToBottom('smooth')}
            data-testid="jump-to-latest"
            className="absolute -top-12 left-1/2 z-10 inline-flex h-8 -translate-x-1/2 items-center gap-1.5 rounded-full border border-line bg-surface-raised px-3 text-xs font-medium text-ink-muted shadow-md transition-colors hover:text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
          >
            <ArrowDownIcon size={14} />
            {t('chat.jumpToLatest')}
          </button>
        )}
        <div className="mx-auto w-full max-w-3xl">
          {error && status === 'error' && <ErrorBanner error={error} onRetry={actions.retry} onDismiss={clearError} />}
          <Composer
            draftKey={chat.conversationId ?? newChatDraftKey}
            busy={busy}
            disabled={!settings}
            onSend={send}
            onStop={actions.stop}
          />
          <p className="mt-2 hidden text-center text-xs text-ink-faint sm:block">{t('composer.disclaimer')}</p>
        </div>
      </div>
    </div>
  );
}
