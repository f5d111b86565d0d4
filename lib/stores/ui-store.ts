import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '@/lib/i18n/languages';

export type ThemePreference = 'light' | 'dark' | 'system';

/** localStorage key; the no-flash theme script in the root layout reads `state.theme` from it. */
export const uiStoreKey = 'ds-ui';

interface UiState {
  theme: ThemePreference;
  /** null until the person picks one: the server's guess (cookie / Accept-Language) applies. */
  language: Language | null;
  /** Phone-width drawer. Not persisted: a reload starts with it closed. */
  drawerOpen: boolean;
  /** Desktop sidebar hidden by the person. */
  sidebarCollapsed: boolean;
  /** Bumped by "New chat" so the new-chat view remounts even when the URL was only replaced. */
  newChatNonce: number;
  setTheme: (theme: ThemePreference) => void;
  setLanguage: (language: Language) => void;
  setDrawerOpen: (open: boolean) => void;
  toggleSidebarCollapsed: () => void;
  startNewChat: () => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: 'system',
      language: null,
      drawerOpen: false,
      sidebarCollapsed: false,
      newChatNonce: 0,
      setTheme: (theme) => set({ theme }),
      setLanguage: (language) => set({ language }),
      setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
      toggleSidebarCollapsed: () => set((state) => ({ sidebarCollapsed: !state.sidebarCollapsed })),
      startNewChat: () => set((state) => ({ newChatNonce: state.newChatNonce + 1, drawerOpen: false })),
    }),
    {
      name: uiStoreKey,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ theme, language, sidebarCollapsed }) => ({ theme, language, sidebarCollapsed }),
      // Rehydrated after mount (see StoreHydration) so the first client render matches the server's.
      skipHydration: true,
    },
  ),
);
