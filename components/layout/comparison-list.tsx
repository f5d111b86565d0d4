'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useT } from '@/lib/i18n/use-t';
import { comparisonListQueryOptions } from '@/lib/query/compare';

const collapsedCount = 5;

/** The sidebar's saved comparisons, most recent activity first; each reopens with all its panes. */
export function ComparisonList() {
  const t = useT();
  const pathname = usePathname();
  const activeId = pathname.startsWith('/compare/')
    ? decodeURIComponent(pathname.slice('/compare/'.length))
    : undefined;
  const query = useQuery(comparisonListQueryOptions());
  const [expanded, setExpanded] = useState(false);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, collapsedCount);

  return (
    <section className="shrink-0 px-2 pb-1" data-testid="comparison-list" aria-labelledby="comparison-list-title">
      <h3 id="comparison-list-title" className="px-3 pb-1 pt-1 text-xs font-medium text-ink-faint">
        {t('compare.sidebarTitle')}
      </h3>
      <ul className="max-h-[30vh] space-y-px overflow-y-auto">
        {shown.map((item) => (
          <li key={item.id}>
            <Link
              href={`/compare/${item.id}`}
              data-testid="comparison-item"
              data-comparison-id={item.id}
              aria-current={item.id === activeId ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2 rounded-lg px-3 py-1.5 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60',
                item.id === activeId ? 'bg-ink/[0.07] text-ink' : 'text-ink-muted hover:bg-ink/[0.04] hover:text-ink',
              )}
            >
              <span className="shrink-0 rounded bg-ink/[0.07] px-1 text-[10px] font-semibold tabular-nums">
                {item.panes.length}×
              </span>
              <span className="truncate">{item.title}</span>
            </Link>
          </li>
        ))}
      </ul>
      {items.length > collapsedCount && (
        <button
          type="button"
          className="px-3 py-1 text-xs text-ink-faint hover:text-ink"
          onClick={() => setExpanded((value) => !value)}
          data-testid="comparison-list-more"
        >
          {expanded ? t('compare.showFewer') : t('sidebar.loadMore')}
        </button>
      )}
    </section>
  );
}
