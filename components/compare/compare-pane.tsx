'use client';

import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { imagePartsOf } from '@/components/attachments/message-images';
import { AssistantMessage, TypingDots } from '@/components/chat/assistant-message';
import { ErrorBanner } from '@/components/chat/error-banner';
import { useChatSession } from '@/components/chat/use-chat-session';
import { useStickToBottom } from '@/components/chat/use-stick-to-bottom';
import { UserMessage } from '@/components/chat/user-message';
import { ImageIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/chat/types';
import type { EditablePane } from '@/lib/compare/panes';
import { useT } from '@/lib/i18n/use-t';
import { PaneMetrics } from './pane-metrics';
import type { ComposerMessage, PaneHandle, PaneMark, PaneSnapshot } from './types';

/**
 * One pane: an ordinary chat session (its own `useChat`, context id and `POST /api/chat` per turn)
 * shown compactly. Quotas, stop and regenerate therefore work per pane, and a refused or failed pane
 * shows its own error while the others go on.
 */
export function ComparePane({
  pane,
  conversationId,
  initialMessages,
  header,
  marks,
  vision,
  imagesElsewhere,
  autoSend,
  onHandle,
  onSnapshot,
  onScroller,
}: {
  pane: EditablePane;
  conversationId: string;
  initialMessages: ChatMessage[];
  header: ReactNode;
  marks: PaneMark[];
  /** the pane's model can read images (the registry's `vision` flag) */
  vision: { can: boolean; label: string };
  /** images were attached to questions of this comparison (a text-only pane says it did not see them) */
  imagesElsewhere: boolean;
  /** the first question, sent once when the pane mounts (a new comparison) */
  autoSend?: ComposerMessage;
  onHandle: (id: string, handle: PaneHandle | undefined) => void;
  onSnapshot: (id: string, snapshot: PaneSnapshot) => void;
  onScroller: (id: string, element: HTMLDivElement | null) => void;
}) {
  const t = useT();
  const settingsRef = useRef(pane);
  settingsRef.current = pane;
  const chat = useChatSession({
    conversationId,
    initialMessages,
    settings: undefined,
    body: () => ({ model: settingsRef.current.model, params: settingsRef.current.params }),
    // A text-only pane never sends images, also not ones in its history from an earlier model.
    dropImages: !vision.can,
  });
  const { messages, status, error, actions, clearError } = chat;
  const { scrollRef, contentRef, scrollToBottom } = useStickToBottom();
  const sentAt = useRef<number | undefined>(undefined);
  const seesImages = useRef(vision.can);
  seesImages.current = vision.can;

  const handle = useMemo<PaneHandle>(
    () => ({
      send: (message) => {
        sentAt.current = Date.now();
        scrollToBottom();
        const files = seesImages.current ? message.files : undefined;
        // An images-only question reaches a text-only pane only if the composer let it (it does not).
        if (!message.text && !files?.length) return;
        actions.send(message.text, files);
      },
      stop: actions.stop,
    }),
    [actions, scrollToBottom],
  );
  useEffect(() => {
    onHandle(conversationId, handle);
    return () => onHandle(conversationId, undefined);
  }, [conversationId, handle, onHandle]);

  const first = useRef(autoSend);
  useEffect(() => {
    if (first.current) handle.send(first.current);
    first.current = undefined;
  }, [handle]);

  const last = messages.at(-1);
  const latest = messages.findLast((message) => message.role === 'assistant');
  const turns = messages.filter((message) => message.role === 'user').length;
  const answered = last?.role === 'assistant';
  const images = messages.some((message) => imagePartsOf(message.parts).length > 0);
  // Reported when something the workspace shows changes, not on every streamed chunk (useChat
  // hands out a new message object per chunk; re-rendering every pane per token would be wasteful).
  const latestRef = useRef(latest?.metadata);
  latestRef.current = latest?.metadata;
  const latestKey = `${latest?.id}:${latest?.metadata?.status}:${latest?.metadata?.timing?.durationMs}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: latestKey stands for the metadata read through the ref
  useEffect(() => {
    onSnapshot(conversationId, { status, turns, answered, images, latest: latestRef.current });
  }, [conversationId, status, turns, answered, images, latestKey, onSnapshot]);

  useEffect(() => {
    onScroller(conversationId, scrollRef.current);
    return () => onScroller(conversationId, null);
  }, [conversationId, onScroller, scrollRef]);

  const busy = status === 'submitted' || status === 'streaming';
  const waiting = status === 'submitted' && last?.role !== 'assistant';

  return (
    <section
      className="flex min-h-0 min-w-0 flex-1 flex-col overflow-hidden rounded-2xl border border-line bg-surface"
      data-testid="compare-pane"
      data-conversation-id={conversationId}
      data-status={status}
    >
      {header}
      <div ref={scrollRef} data-testid="pane-scroll" className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        <div ref={contentRef} className="flex flex-col gap-5 px-3.5 pb-4 pt-3 text-[14px]">
          {messages.length === 0 && <p className="py-6 text-center text-sm text-ink-faint">{t('compare.paneEmpty')}</p>}
          {messages.map((message, index) =>
            message.role === 'user' ? (
              <UserMessage key={message.id} message={message} busy={busy} onEdit={actions.edit} />
            ) : message.role === 'assistant' ? (
              <AssistantMessage
                key={message.id}
                message={message}
                streaming={busy && index === messages.length - 1}
                busy={busy}
                isLast={index === messages.length - 1}
                onRegenerate={actions.regenerate}
                compact
              />
            ) : null,
          )}
          {waiting && <TypingDots />}
        </div>
      </div>
      {!vision.can && imagesElsewhere && (
        <p
          className="mx-2.5 mb-1.5 flex items-center gap-1.5 rounded-lg bg-ink/[0.04] px-2.5 py-1.5 text-xs text-ink-muted"
          data-testid="pane-no-images"
        >
          <ImageIcon size={14} className="shrink-0" />
          {t('compare.paneNoImages', { model: vision.label })}
        </p>
      )}
      {error && status === 'error' && (
        <div className="px-2.5" data-testid="pane-error">
          <ErrorBanner error={error} onRetry={actions.retry} onDismiss={clearError} />
        </div>
      )}
      <PaneMetrics
        metadata={latest?.metadata}
        streaming={busy}
        sentAt={sentAt.current}
        message={latest}
        marks={marks}
      />
    </section>
  );
}
