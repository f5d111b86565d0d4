import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ShareExpiry } from '@/lib/share/expiry';
import type { ShareView } from '@/lib/share/service';
import { apiFetch } from './api';

export type { ShareView };

export const shareKeys = { list: () => ['shares'] as const };

/** The signed-in user's share links (`/shares`). */
export function sharesQueryOptions() {
  return queryOptions({
    queryKey: shareKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: ShareView[] }>('/api/shares', { signal })).items,
    staleTime: 10_000,
  });
}

export type CreateShareInput = ({ conversationId: string } | { comparisonId: string }) & {
  expiry: ShareExpiry;
  includeReasoning: boolean;
};

export function useCreateShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateShareInput) =>
      (await apiFetch<{ share: ShareView }>('/api/shares', { method: 'POST', body: JSON.stringify(input) })).share,
    onSuccess: () => void client.invalidateQueries({ queryKey: shareKeys.list() }),
  });
}

export interface UpdateShareInput {
  id: string;
  refreshSnapshot?: boolean;
  includeReasoning?: boolean;
  expiry?: ShareExpiry;
}

export function useUpdateShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...changes }: UpdateShareInput) =>
      (await apiFetch<{ share: ShareView }>(`/api/shares/${id}`, { method: 'PATCH', body: JSON.stringify(changes) }))
        .share,
    onSuccess: (share) => {
      client.setQueryData<ShareView[]>(shareKeys.list(), (list) =>
        list?.map((item) => (item.id === share.id ? { ...item, ...share, title: item.title } : item)),
      );
      void client.invalidateQueries({ queryKey: shareKeys.list() });
    },
  });
}

export function useRevokeShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await apiFetch<{ share: ShareView }>(`/api/shares/${id}`, { method: 'DELETE' })).share,
    onSuccess: () => void client.invalidateQueries({ queryKey: shareKeys.list() }),
  });
}
