import type { StateStorage } from 'zustand/middleware';

/**
 * A localStorage wrapper for zustand's `persist` that writes at most once per `delayMs` instead of
 * on every change (the composer's draft changes on every keystroke, and serialising every draft
 * plus a synchronous `localStorage.setItem` each time costs frame time in long chats). The store's
 * state itself updates at once, so in-app navigation always sees the latest text; pending writes
 * are flushed when the page is hidden or unloaded (`pagehide`, `visibilitychange`), so a reload or
 * a closed tab keeps the draft. Reads see a pending write before it reaches localStorage.
 */
export function deferredStorage(backing: () => Storage, delayMs = 400): StateStorage {
  const pending = new Map<string, string | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const storage = backing();
    for (const [name, value] of pending) {
      if (value === null) storage.removeItem(name);
      else storage.setItem(name, value);
    }
    pending.clear();
  };

  const schedule = (name: string, value: string | null) => {
    pending.set(name, value);
    if (!listening && typeof window !== 'undefined') {
      listening = true;
      window.addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') flush();
      });
    }
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  };

  return {
    getItem: (name) => (pending.has(name) ? (pending.get(name) ?? null) : backing().getItem(name)),
    setItem: (name, value) => schedule(name, value),
    removeItem: (name) => schedule(name, null),
  };
}
