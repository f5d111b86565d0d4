'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * When on, scrolling one pane scrolls the others to the same relative position. Positions set here
 * fire scroll events too; those are recognised by the value they were set to and not echoed back.
 */
export function useSyncedScroll(enabled: boolean) {
  const elements = useRef(new Map<string, HTMLDivElement>());
  const expected = useRef(new Map<HTMLDivElement, number>());
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const listeners = useRef(new Map<HTMLDivElement, () => void>());

  const follow = useCallback((source: HTMLDivElement) => {
    if (!enabledRef.current) return;
    const set = expected.current.get(source);
    if (set !== undefined && Math.abs(set - source.scrollTop) < 2) {
      expected.current.delete(source);
      return;
    }
    const range = source.scrollHeight - source.clientHeight;
    const ratio = range > 0 ? source.scrollTop / range : 0;
    for (const element of elements.current.values()) {
      if (element === source) continue;
      const top = Math.round(ratio * (element.scrollHeight - element.clientHeight));
      expected.current.set(element, top);
      element.scrollTop = top;
    }
  }, []);

  const register = useCallback(
    (id: string, element: HTMLDivElement | null) => {
      const previous = elements.current.get(id);
      if (previous) {
        const listener = listeners.current.get(previous);
        if (listener) previous.removeEventListener('scroll', listener);
        listeners.current.delete(previous);
        elements.current.delete(id);
      }
      if (!element) return;
      const listener = () => follow(element);
      element.addEventListener('scroll', listener, { passive: true });
      listeners.current.set(element, listener);
      elements.current.set(id, element);
    },
    [follow],
  );

  useEffect(() => {
    if (!enabled) expected.current.clear();
  }, [enabled]);

  return register;
}
