interface PersistApi<S> {
  persist: {
    hasHydrated: () => boolean;
    onFinishHydration: (listener: (state: S) => void) => () => void;
  };
  getState: () => S;
}

/** Runs `listener` once the store has read localStorage: now if it already has, else when it does. */
export function whenHydrated<S>(store: PersistApi<S>, listener: (state: S) => void): () => void {
  if (store.persist.hasHydrated()) {
    listener(store.getState());
    return () => {};
  }
  return store.persist.onFinishHydration(listener);
}
