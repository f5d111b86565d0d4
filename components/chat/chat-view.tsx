'use client';

import { useCallback, useDeferredValue, useState } from 'react';
import { imagePartsOf } from '@/components/attachments/message-images';
import { useAttachments } from '@/components/attachments/use-attachments';
import { useDropAndPaste } from '@/components/attachments/use-drop-and-paste';
import { VisionNotice } from '@/components/attachments/vision-notice';
import { ArrowDownIcon, ImageIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';
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
  const { settings, models } = useEffectiveSettings();
  const setModel = useChatSettingsStore((state) => state.setModel);
  const [dropImages, setDropImages] = useState(false);
  const seesImages = Boolean(settings?.model.vision);
  const chat = useChatSession({ conversationId, initialMessages, settings, dropImages: dropImages && !seesImages });
  const { messages, status, error, actions, clearError } = chat;
  const attachments = useAttachments({ enabled: seesImages });
  const { dragging, handlers } = useDropAndPaste(attachments.add, seesImages && attachments.allowed);
  const historyHasImages = messages.some((message) => imagePartsOf(message.parts).length > 0);
  const visionModel = models.data?.models.find((model) => model.vision);
  const textOnly = Boolean(settings) && !seesImages;
  const showNotice = textOnly && (attachments.items.length > 0 || historyHasImages);
  // Images the model cannot read hold the message back until the user chooses what to do.
  const blocked = textOnly && (attachments.items.length > 0 || (historyHasImages && !dropImages));
  const { scrollRef, contentRef, atBottom, scrollToBottom } = useStickToBottom();
  // useChat's updates render synchronously; the transcript takes them at a lower priority, so
  // React renders it in interruptible slices and a keystroke in the composer is never queued
  // behind a streamed chunk's markdown.
  const shownMessages = useDeferredValue(messages);

  const busy = status === 'submitted' || status === 'streaming';
  const last = messages.at(-1);
  const waiting = status === 'submitted' && last?.role !== 'assistant';

  const send = useCallback(
    (text: string) => {
      scrollToBottom();
      actions.send(text, attachments.parts());
      attachments.clear();
    },
    [actions, scrollToBottom, attachments],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop and paste zone for images; the attach button is the keyboard path
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      data-testid="chat-view"
      data-status={status}
      onDragEnter={handlers.onDragEnter}
      onDragOver={handlers.onDragOver}
      onDragLeave={handlers.onDragLeave}
      onDrop={handlers.onDrop}
      onPaste={handlers.onPaste}
    >
      {dragging && (
        <div
          className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center gap-2 rounded-3xl border-2 border-dashed border-accent/60 bg-surface/85 text-sm font-medium text-ink"
          data-testid="drop-overlay"
        >
          <ImageIcon size={18} />
          {t('attach.dropHere')}
        </div>
      )}
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
            <MessageList
              messages={shownMessages}
              busy={busy}
              waiting={waiting}
              actions={actions}
              scrollRef={scrollRef}
            />
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
          {showNotice && settings && (
            <VisionNotice
              model={settings.model.label}
              visionModel={visionModel?.label}
              pending={attachments.items.length > 0}
              dropping={dropImages}
              onSwitch={() => visionModel && setModel(visionModel.id)}
              onDropImages={setDropImages}
              onRemovePending={attachments.clear}
            />
          )}
          <Composer
            draftKey={chat.conversationId ?? newChatDraftKey}
            busy={busy}
            disabled={!settings}
            onSend={send}
            onStop={actions.stop}
            attachments={attachments}
            attachDisabledReason={
              textOnly && settings
                ? t('attach.unsupportedModel', { model: settings.model.label })
                : attachments.allowed
                  ? undefined
                  : t('attach.notAllowed')
            }
            blocked={blocked}
          />
          <p className="mt-2 hidden text-center text-xs text-ink-faint sm:block">{t('composer.disclaimer')}</p>
        </div>
      </div>
    </div>
  );
}
