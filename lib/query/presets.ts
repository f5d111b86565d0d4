import { queryOptions } from '@tanstack/react-query';
import type { PresetView } from '@/lib/playground/presets';
import type { PlaygroundParams } from '@/lib/playground/state';
import { apiFetch } from './api';

export const presetsKey = ['presets'] as const;

export function presetsQueryOptions() {
  return queryOptions({
    queryKey: presetsKey,
    queryFn: ({ signal }) => apiFetch<{ items: PresetView[] }>('/api/presets', { signal }).then((body) => body.items),
    staleTime: 60_000,
  });
}

export const createPreset = (name: string, params: PlaygroundParams) =>
  apiFetch<PresetView>('/api/presets', { method: 'POST', body: JSON.stringify({ name, params }) });

export const updatePreset = (id: string, change: { name?: string; params?: PlaygroundParams }) =>
  apiFetch<PresetView>(`/api/presets/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(change) });

export const deletePreset = (id: string) =>
  apiFetch<void>(`/api/presets/${encodeURIComponent(id)}`, { method: 'DELETE' });
