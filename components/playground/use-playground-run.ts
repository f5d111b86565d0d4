'use client';

import { useCallback, useEffect, useRef } from 'react';
import { AppError } from '@/lib/errors';
import { streamRun } from '@/lib/playground/client';
import { NetworkError } from '@/lib/query/api';
import { usePlaygroundStore } from '@/lib/stores/playground-store';

/** Run and Stop. Stop aborts the browser's request, which aborts the upstream call on the server. */
export function usePlaygroundRun() {
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async () => {
    const { state, startRun, pushEvents, endRun } = usePlaygroundStore.getState();
    if (!state) return;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const id = startRun(state.jsonOutput);
    try {
      await streamRun(state, { signal: current.signal, onEvents: (events) => pushEvents(id, events) });
      endRun(id);
    } catch (error) {
      if (current.signal.aborted) {
        endRun(id, { stopped: true });
      } else if (error instanceof AppError) {
        endRun(id, {
          failure: { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds },
        });
      } else {
        endRun(id, { failure: { message: (error instanceof NetworkError ? error : new NetworkError(error)).message } });
      }
    } finally {
      if (controller.current === current) controller.current = undefined;
    }
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);
  return { run, stop };
}
