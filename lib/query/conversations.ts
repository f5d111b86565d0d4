import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api';
import type { Conversation, ConversationDetail, ConversationPage } from './types';

export const conversationKeys = {
  all: ['conversations'] as const,
  list: () => [...conversationKeys.all, 'list'] as const,
  detail: (id: string) => [...conversationKeys.all, 'detail', id] as const,
};

export const conversationPageSize = 30;

/** The sidebar: newest first, 30 a page, "load more" follows `nextCursor`. */
export function conversationListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: conversationKeys.list(),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(conversationPageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<ConversationPage>(`/api/conversations?${query}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function conversationQueryOptions(id: string) {
  return queryOptions({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`, { signal }),
  });
}

export function renameConversation(id: string, title: string) {
  return apiFetch<{ conversation: Conversation }>(`/api/conversations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify({ title }),
  });
}

export function deleteConversation(id: string) {
  return apiFetch<void>(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Tells the server to abort the upstream call and keep the partial answer as `interrupted`. */
export function stopGeneration(id: string, signal?: AbortSignal) {
  return apiFetch<unknown>(`/api/chat/${encodeURIComponent(id)}/stop`, { method: 'POST', signal });
}
