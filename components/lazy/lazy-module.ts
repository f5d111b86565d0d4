'use client';

import { useEffect, useState } from 'react';

/**
 * A module split out of the page's first load (its own chunk), fetched when first asked for —
 * usually as soon as the page's code runs, in parallel with its data. `current` is the module once
 * it has arrived, so code can render with it synchronously from then on.
 */
export interface LazyModule<T> {
  load(): Promise<T>;
  readonly current: T | undefined;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let current: T | undefined;
  return {
    load() {
      loading ??= importer().then(
        (module) => {
          current = module;
          return module;
        },
        (error: unknown) => {
          // A failed chunk fetch may succeed next time (a flaky network, a redeploy's new chunks).
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get current() {
      return current;
    },
  };
}

/** Starts fetching the module in the browser (not during server rendering); failures wait for use. */
export function preload(module: LazyModule<unknown>) {
  if (typeof window !== 'undefined') module.load().catch(() => undefined);
}

/**
 * True once the module has arrived (or failed to: callers then show their fallback rather than
 * wait forever). `wanted` false skips the wait and reports true.
 */
export function useLazyModuleReady(module: LazyModule<unknown>, wanted = true): boolean {
  const [settled, setSettled] = useState(() => module.current !== undefined);
  useEffect(() => {
    if (!wanted || settled) return;
    let cancelled = false;
    const settle = () => {
      if (!cancelled) setSettled(true);
    };
    module.load().then(settle, settle);
    return () => {
      cancelled = true;
    };
  }, [module, wanted, settled]);
  return !wanted || settled;
}

/** False until `open` is first true, then true for good: a lazily loaded dialog mounts on first use. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
