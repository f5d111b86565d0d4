'use client';

import { createContext, useContext } from 'react';
import type { ModelSpec } from '@/lib/models/catalog';
import type { UpstreamTarget } from '@/lib/playground/target';

export interface PlaygroundContextValue {
  /** The upstream as code snippets call it (offline: this app's /api/simulator). */
  target: UpstreamTarget;
  offline: boolean;
  models: ModelSpec[];
  defaultModel: string;
}

export const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

export function usePlaygroundContext(): PlaygroundContextValue {
  const value = useContext(PlaygroundContext);
  if (!value) throw new Error('usePlaygroundContext outside PlaygroundContext');
  return value;
}
