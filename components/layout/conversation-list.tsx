'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import type { MessageKey } from '@/lib/i18n/languages';
import { useT } from '@/lib/i18n/use-t';
import { conversationListQueryOptions } from '@/lib/query/conversations';
import type { ConversationSummary } from '@/lib/query/types';
import { ConversationItem } from './conversation-item';

const dayMs = 86_400_000;

function bucketOf(updatedAt: string, todayStart: number): MessageKey {
  const time = Date.parse(updatedAt);
  if (time >= todayStart) return 'sidebar.today';
  if (time >= todayStart - dayMs) return 'sidebar.yesterday';
  if (time >= todayStart - 7 * dayMs) return 'sidebar.previous7';
  if (time >= todayStart - 30 * dayMs) return 'sidebar.previous30';
  return 'sidebar.older';
}

/** Conversations newest first, grouped by day, with "load more" for older pages. */
export function ConversationList() {
  const t = useT();
  const pathname = usePathname();
  const activeId = pathname.startsWith('/c/') ? decodeURIComponent(pathname.slice(3)) : undefined;
  const query = useInfiniteQuery(conversationListQueryOptions());

  const groups = useMemo(() => {
    const items = query.data?.pages.flatMap((page) => page.items) ?? [];
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const result: { label: MessageKey; items: ConversationSummary[] }[] = [];
    for (const item of items) {
      const label = bucketOf(item.updatedAt, today.getTime());
      const last = result.at(-1);
      if (last?.label === label) last.items.push(item);
      else result.push({ label, items: [item] });
    }
    return result;
  }, [query.data]);

  return (
    <nav className="min-h-0 flex-1 overflow-y-auto px-2 pb-4" data-testid="conversation-list">
      {query.isPending && <p className="px-3 py-2 text-sm text-ink-faint">{t('sidebar.loading')}</p>}
      {query.isError && (
        <div className="px-3 py-2 text-sm text-ink-muted">
          <p>{t('sidebar.loadError')}</p>
          <Button variant="ghost" size="sm" className="-ml-2.5 mt-1" onClick={() => void query.refetch()}>
            {t('sidebar.retry')}
          </Button>
        </div>
      )}
      {query.isSuccess && groups.length === 0 && (
        <p className="px-3 py-2 text-sm leading-relaxed text-ink-faint" data-testid="conversation-list-empty">
          {t('sidebar.empty')}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.label} className="mt-3 first:mt-1">
          <h3 className="px-3 pb-1 text-xs font-medium text-ink-faint">{t(group.label)}</h3>
          <ul className="space-y-px">
            {group.items.map((item) => (
              <ConversationItem key={item.id} conversation={item} active={item.id === activeId} />
            ))}
          </ul>
        </section>
      ))}
      {query.hasNextPage && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2 w-full text-ink-muted"
          data-testid="load-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t('sidebar.loading') : t('sidebar.loadMore')}
        </Button>
      )}
    </nav>
  );
}
