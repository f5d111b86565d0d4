'use client';

import { preload } from '@/components/lazy/lazy-module';
import { LazyMarkdown, markdownModule } from '@/components/markdown/lazy-markdown';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { RefreshIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { MessageFooter } from './message-footer';
import { reasoningOf, textOf } from './message-text';
import { ReasoningPanel } from './reasoning-panel';

// Pages showing answers fetch the markdown renderer while their data loads, not on first answer.
preload(markdownModule);

export function AssistantMessage({
  message,
  streaming,
  busy,
  isLast,
  onRegenerate,
  compact = false,
  onContinue,
}: {
  message: ChatMessage;
  /** This message is the one receiving tokens. */
  streaming: boolean;
  /** Some request is in flight (actions that start another are disabled). */
  busy: boolean;
  isLast: boolean;
  onRegenerate: (messageId: string) => void;
  /** In a compare pane: the footer shows only the status (the pane shows the numbers; blind hides the model). */
  compact?: boolean;
  onContinue?: (messageId: string) => void;
}) {
  const t = useT();
  const text = textOf(message);
  const reasoning = reasoningOf(message);
  const answering = text.length > 0;
  const reasoningStreaming = streaming && !answering && (reasoning?.streaming ?? true);

  return (
    <article
      className="group/message relative"
      data-testid="assistant-message"
      data-message-id={message.id}
      data-streaming={streaming ? 'true' : 'false'}
      aria-label={t('message.assistant')}
    >
      {reasoning && (
        <ReasoningPanel
          text={reasoning.text}
          streaming={reasoningStreaming}
          reasoningMs={message.metadata?.timing?.reasoningMs}
        />
      )}
      {answering ? (
        <LazyMarkdown text={text} className={cn(streaming && 'streaming-caret')} />
      ) : (
        !streaming && !reasoning && <p className="text-sm italic text-ink-faint">{t('message.empty')}</p>
      )}
      {streaming && !answering && !reasoning && <TypingDots />}
      {!streaming && (
        <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1">
          <div
            className={cn(
              'flex items-center gap-0.5 transition-opacity',
              !isLast && 'md:opacity-0 md:group-hover/message:opacity-100 md:group-focus-within/message:opacity-100',
            )}
          >
            <CopyButton
              getText={() => text}
              label={t('message.copyMessage')}
              copiedLabel={t('message.copied')}
              testId="message-copy"
            />
            <Button
              variant="ghost"
              size="iconXs"
              aria-label={t('message.regenerateAnswer')}
              title={t('message.regenerate')}
              data-testid="message-regenerate"
              disabled={busy}
              onClick={() => onRegenerate(message.id)}
            >
              <RefreshIcon size={14} />
            </Button>
          </div>
          {onContinue && isLast && message.metadata?.status === 'interrupted' && answering && (
            <Button
              variant="secondary"
              size="sm"
              title={t('message.continueHint')}
              data-testid="message-continue"
              disabled={busy}
              onClick={() => onContinue?.(message.id)}
            >
              {t('message.continue')}
            </Button>
          )}
          <MessageFooter metadata={message.metadata} statusOnly={compact} />
        </div>
      )}
    </article>
  );
}

export function TypingDots() {
  const t = useT();
  return (
    <div className="flex h-7 items-center gap-1" role="status" aria-label={t('message.pending')} data-testid="typing">
      <span className="typing-dot" />
      <span className="typing-dot [animation-delay:150ms]" />
      <span className="typing-dot [animation-delay:300ms]" />
    </div>
  );
}
