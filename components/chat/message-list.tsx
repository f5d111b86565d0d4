'use client';

import { memo, type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { lazyModule, preload, useLazyModuleReady } from '@/components/lazy/lazy-module';
import { whenIdle } from '@/components/lazy/when-idle';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { TypingDots } from './assistant-message';
import { MessageItem } from './message-item';
import type { ChatActions } from './use-chat-session';

/** Up to this many messages the transcript is a plain list (everything in the page, as before). */
export const virtualiseAfter = 30;

/** The virtualiser (~8 KB gzip) is its own chunk: most conversations never need it. */
export const virtuaModule = lazyModule(() => import('virtua'));
preload(virtuaModule);

/** Until the virtualiser arrives, a long transcript shows only its latest messages. */
const latestOnly = 12;

/**
 * How far beyond the viewport messages stay mounted (px). Opening mounts the narrow margin, so the
 * latest message shows sooner; once the browser is idle the margin widens, so a page-sized scroll
 * finds the messages it brings into view already mounted and measured (virtua places unmeasured
 * ones at an estimated height, which showed as gaps of up to ~60 px for a frame or two).
 */
const openingBuffer = 600;
const scrollingBuffer = 1400;

/**
 * The transcript; past `virtualiseAfter` messages, virtualised: only the messages near the viewport are mounted (a 1,000-message
 * conversation opens in well under a second instead of rendering every message's markdown).
 * Messages are measured as they mount; the stick-to-bottom hook keeps the view pinned while they
 * settle. The latest question and answer stay mounted wherever the view is (what is being read or
 * streamed, and what assistive tech and find-in-page most often need). Trade-off: the browser's
 * find-in-page does not see older messages until they scroll into view.
 */
export const MessageList = memo(function MessageList({
  messages,
  busy,
  waiting,
  actions,
  scrollRef,
}: {
  messages: ChatMessage[];
  busy: boolean;
  /** A request is out and no answer has started: show the typing dots below the list. */
  waiting: boolean;
  actions: ChatActions;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const t = useT();
  const listRef = useRef<HTMLDivElement>(null);
  const [startMargin, setStartMargin] = useState(0);

  // Virtua needs the list's distance from the top of the scroll container.
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!list || !scroller) return;
    const measure = () =>
      setStartMargin(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scrollRef]);

  const lastIndex = messages.length - 1;
  const virtual = messages.length > virtualiseAfter;
  useLazyModuleReady(virtuaModule, virtual);
  const [bufferSize, setBufferSize] = useState(openingBuffer);
  useEffect(() => (virtual ? whenIdle(() => setBufferSize(scrollingBuffer)) : undefined), [virtual]);
  const Virtualizer = virtuaModule.current?.Virtualizer;
  const keepMounted = useMemo(() => (lastIndex > 0 ? [lastIndex - 1, lastIndex] : [lastIndex]), [lastIndex]);
  const renderItem = (message: ChatMessage, index: number) => (
    <div key={message.id} className={index < lastIndex ? 'pb-7' : undefined}>
      <MessageItem
        message={message}
        isLast={index === lastIndex}
        streaming={busy && index === lastIndex && message.role === 'assistant'}
        busy={busy}
        actions={actions}
      />
    </div>
  );

  return (
    <div
      ref={listRef}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      aria-label={t('chat.messages')}
      data-testid="message-list"
      className="mt-6 pb-10 sm:mt-8"
    >
      {virtual && Virtualizer ? (
        <Virtualizer
          data={messages}
          scrollRef={scrollRef}
          startMargin={startMargin}
          bufferSize={bufferSize}
          keepMounted={keepMounted}
        >
          {renderItem}
        </Virtualizer>
      ) : virtual ? (
        messages.slice(-latestOnly).map((message, index) => renderItem(message, lastIndex - latestOnly + 1 + index))
      ) : (
        messages.map(renderItem)
      )}
      {waiting && (
        <div className="pt-7">
          <TypingDots />
        </div>
      )}
    </div>
  );
});
