'use client';

import { useEffect } from 'react';
import { whenHydrated } from '@/lib/stores/hydration';
import { type ThemePreference, useUiStore } from '@/lib/stores/ui-store';

export function applyTheme(preference: ThemePreference) {
  const dark =
    preference === 'dark' || (preference === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/**
 * Keeps the `.dark` class in step with the preference and, for "system", with the OS setting.
 * The inline script in the root layout applied the stored preference before the first paint.
 */
export function ThemeSync() {
  useEffect(() => {
    let stopWatching: (() => void) | undefined;
    const apply = (theme: ThemePreference) => {
      stopWatching?.();
      stopWatching = undefined;
      applyTheme(theme);
      if (theme !== 'system') return;
      const query = window.matchMedia('(prefers-color-scheme: dark)');
      const onChange = () => applyTheme('system');
      query.addEventListener('change', onChange);
      stopWatching = () => query.removeEventListener('change', onChange);
    };
    const stopHydration = whenHydrated(useUiStore, (state) => apply(state.theme));
    const unsubscribe = useUiStore.subscribe((state, previous) => {
      if (state.theme !== previous.theme) apply(state.theme);
    });
    return () => {
      stopHydration();
      unsubscribe();
      stopWatching?.();
    };
  }, []);
  return null;
}
