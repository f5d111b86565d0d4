import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api';
import type { ModelsResponse } from './types';

export function modelsQueryOptions() {
  return queryOptions({
    queryKey: ['models'] as const,
    queryFn: ({ signal }) => apiFetch<ModelsResponse>('/api/models', { signal }),
    staleTime: 5 * 60_000,
  });
}
