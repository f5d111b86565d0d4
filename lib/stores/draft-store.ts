import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { deferredStorage } from './deferred-storage';

/** Drafts are keyed by conversation id; the new-chat screen uses this key. */
export const newChatDraftKey = 'new';

const maxDrafts = 50;

interface DraftState {
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  clearDraft: (key: string) => void;
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (key, text) =>
        set((state) => {
          if (text === '') {
            const { [key]: _removed, ...rest } = state.drafts;
            return { drafts: rest };
          }
          // Keep the newest drafts only, so localStorage cannot grow without bound.
          const { [key]: _previous, ...others } = state.drafts;
          const kept = Object.entries(others).slice(-(maxDrafts - 1));
          return { drafts: { ...Object.fromEntries(kept), [key]: text } };
        }),
      clearDraft: (key) =>
        set((state) => {
          const { [key]: _removed, ...rest } = state.drafts;
          return { drafts: rest };
        }),
    }),
    {
      name: 'ds-drafts',
      version: 1,
      // Written at most every 400 ms (and on pagehide), not on every keystroke.
      storage: createJSONStorage(() => deferredStorage(() => localStorage)),
      partialize: ({ drafts }) => ({ drafts }),
      skipHydration: true,
    },
  ),
);
