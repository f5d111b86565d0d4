'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

const nearBottomPx = 48;

/**
 * Keeps a scroll container pinned to the bottom while its content grows, until the person scrolls
 * up; reaching the bottom again (or `scrollToBottom`) re-pins it.
 */
export function useStickToBottom() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const [atBottom, setAtBottom] = useState(true);

  const scrollToBottom = useCallback((behavior: ScrollBehavior = 'auto') => {
    const element = scrollRef.current;
    stick.current = true;
    setAtBottom(true);
    if (element) element.scrollTo({ top: element.scrollHeight, behavior });
  }, []);

  useEffect(() => {
    const element = scrollRef.current;
    const content = contentRef.current;
    if (!element || !content) return;

    const onScroll = () => {
      const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
      // Moving up is always the person (content growth never lowers scrollTop): unpin.
      if (element.scrollTop < lastTop.current - 2 && distance > 4) stick.current = false;
      if (distance <= nearBottomPx) stick.current = true;
      lastTop.current = element.scrollTop;
      setAtBottom(stick.current || distance <= nearBottomPx);
    };
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0 && element.scrollHeight > element.clientHeight) stick.current = false;
    };
    const observer = new ResizeObserver(() => {
      if (stick.current) element.scrollTop = element.scrollHeight;
      else onScroll();
    });

    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    observer.observe(content);
    element.scrollTop = element.scrollHeight;
    return () => {
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
      observer.disconnect();
    };
  }, []);

  return { scrollRef, contentRef, atBottom, scrollToBottom };
}
