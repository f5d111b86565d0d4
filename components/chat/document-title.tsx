'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { conversationListQueryOptions } from '@/lib/query/conversations';
import { textOf } from './message-text';

/** The tab title follows the conversation (its stored title, else its first question). */
export function DocumentTitle({ conversationId, messages }: { conversationId?: string; messages: ChatMessage[] }) {
  const t = useT();
  const { data } = useInfiniteQuery(conversationListQueryOptions());
  const stored = conversationId
    ? data?.pages.flatMap((page) => page.items).find((item) => item.id === conversationId)?.title
    : undefined;
  const first = messages.find((message) => message.role === 'user');
  const title = stored ?? (first ? textOf(first).replace(/\s+/g, ' ').slice(0, 60) : undefined);
  const text = title ? `${title} · ${t('app.name')}` : t('app.name');
  // An effect, not React's <title>: Next's metadata <title> comes first in <head> and would win.
  useEffect(() => {
    document.title = text;
  }, [text]);
  return null;
}
