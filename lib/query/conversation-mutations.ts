'use client';

import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { conversationKeys, deleteConversation, renameConversation } from './conversations';
import type { ConversationDetail, ConversationPage } from './types';

type ListData = InfiniteData<ConversationPage, string | null>;

function mapList(data: ListData | undefined, map: (page: ConversationPage) => ConversationPage) {
  return data ? { ...data, pages: data.pages.map(map) } : data;
}

/** Optimistic rename: the sidebar shows the new title at once and rolls back if the server refuses. */
export function useRenameConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => renameConversation(id, title),
    onMutate: async ({ id, title }) => {
      await client.cancelQueries({ queryKey: conversationKeys.list() });
      const previous = client.getQueryData<ListData>(conversationKeys.list());
      client.setQueryData<ListData>(conversationKeys.list(), (data) =>
        mapList(data, (page) => ({
          ...page,
          items: page.items.map((item) => (item.id === id ? { ...item, title } : item)),
        })),
      );
      client.setQueryData<ConversationDetail>(conversationKeys.detail(id), (detail) =>
        detail ? { ...detail, conversation: { ...detail.conversation, title } } : detail,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(conversationKeys.list(), context.previous);
    },
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: conversationKeys.list() });
      void client.invalidateQueries({ queryKey: conversationKeys.detail(id) });
    },
  });
}

export function useDeleteConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteConversation(id),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: conversationKeys.list() });
      const previous = client.getQueryData<ListData>(conversationKeys.list());
      client.setQueryData<ListData>(conversationKeys.list(), (data) =>
        mapList(data, (page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })),
      );
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) client.setQueryData(conversationKeys.list(), context.previous);
    },
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: conversationKeys.detail(id) });
    },
    onSettled: () => client.invalidateQueries({ queryKey: conversationKeys.list() }),
  });
}
