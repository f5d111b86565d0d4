'use client';

import { useEffect } from 'react';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';
import { useCompareStore } from '@/lib/stores/compare-store';
import { useDraftStore } from '@/lib/stores/draft-store';
import { useUiStore } from '@/lib/stores/ui-store';

/**
 * Persisted stores are created with `skipHydration`, so the server render and the first client render
 * agree; they read localStorage here, right after mount.
 */
export function StoreHydration() {
  useEffect(() => {
    void useUiStore.persist.rehydrate();
    void useChatSettingsStore.persist.rehydrate();
    void useDraftStore.persist.rehydrate();
    void useCompareStore.persist.rehydrate();
  }, []);
  return null;
}
