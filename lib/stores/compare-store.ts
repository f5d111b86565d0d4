import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { EditablePane } from '@/lib/compare/panes';

/** The unsaved comparison at `/compare` and view preferences; a saved comparison lives on the server. */
interface CompareState {
  /** model '' = the registry's default model */
  draftPanes: EditablePane[];
  blind: boolean;
  syncScroll: boolean;
  /** Bumped by "New comparison" so `/compare` remounts even when only the URL was replaced. */
  nonce: number;
  newComparison: () => void;
  setDraftPanes: (panes: EditablePane[]) => void;
  setBlind: (blind: boolean) => void;
  setSyncScroll: (syncScroll: boolean) => void;
}

/** The same model twice, thinking off and on: the most common first question. */
export const defaultDraftPanes: EditablePane[] = [
  { model: '', params: { thinking: false } },
  { model: '', params: { thinking: true } },
];

export const useCompareStore = create<CompareState>()(
  persist(
    (set) => ({
      draftPanes: defaultDraftPanes,
      blind: false,
      syncScroll: false,
      nonce: 0,
      newComparison: () => set((state) => ({ nonce: state.nonce + 1 })),
      setDraftPanes: (draftPanes) => set({ draftPanes }),
      setBlind: (blind) => set({ blind }),
      setSyncScroll: (syncScroll) => set({ syncScroll }),
    }),
    {
      name: 'ds-compare',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ draftPanes, blind, syncScroll }) => ({ draftPanes, blind, syncScroll }),
      skipHydration: true,
    },
  ),
);
