'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { modelsQueryOptions } from '@/lib/query/models';
import { resolveChatSettings, useChatSettingsStore } from '@/lib/stores/chat-settings-store';

/** The header's picks resolved against the server's model registry (`/api/models`). */
export function useEffectiveSettings() {
  const models = useQuery(modelsQueryOptions());
  const model = useChatSettingsStore((state) => state.model);
  const thinking = useChatSettingsStore((state) => state.thinking);
  const effort = useChatSettingsStore((state) => state.effort);
  const settings = useMemo(
    () => (models.data ? resolveChatSettings({ model, thinking, effort }, models.data) : undefined),
    [models.data, model, thinking, effort],
  );
  return { models, settings };
}
