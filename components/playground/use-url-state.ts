'use client';

import { useEffect, useState } from 'react';
import { defaultState } from '@/lib/playground/state';
import { decodeState, encodeState, URL_STATE_PARAM } from '@/lib/playground/url-state';
import { usePlaygroundStore } from '@/lib/stores/playground-store';

/**
 * The playground state lives in the URL: read once on arrival (a malformed value gives the defaults
 * and a reason to show), then every change is written back with `replaceState`, so the address bar
 * is always a link to this exact setup.
 */
export function useUrlState(defaultModel: string | undefined): { badUrl?: string } {
  const [badUrl, setBadUrl] = useState<string>();
  const ready = usePlaygroundStore((store) => store.state !== null);

  useEffect(() => {
    if (!defaultModel) return;
    const encoded = new URLSearchParams(window.location.search).get(URL_STATE_PARAM);
    const decoded = encoded ? decodeState(encoded, defaultModel) : undefined;
    if (decoded && !decoded.ok) setBadUrl(decoded.reason);
    const { state, load } = usePlaygroundStore.getState();
    // A link wins; without one, the setup from earlier in this tab stays.
    if (decoded?.ok) load(decoded.state);
    else if (!state || decoded) load(defaultState(defaultModel));
  }, [defaultModel]);

  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = usePlaygroundStore.subscribe((store, previous) => {
      if (!store.state || store.state === previous.state) return;
      const state = store.state;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const url = new URL(window.location.href);
        url.searchParams.set(URL_STATE_PARAM, encodeState(state));
        window.history.replaceState(window.history.state, '', url);
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [ready]);

  return { badUrl };
}
