'use client';

import Link from 'next/link';
import { useState } from 'react';
import { LazyShareDialog } from '@/components/share/lazy-share-dialog';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PlusIcon, ShareIcon, TrashIcon } from '@/components/ui/icons';
import { Switch } from '@/components/ui/switch';
import { maxPanes } from '@/lib/compare/types';
import { useT } from '@/lib/i18n/use-t';
import { useCompareStore } from '@/lib/stores/compare-store';
import { CompareExportMenu } from './compare-export-menu';

/** Title, blind and synced-scroll switches, add pane, leaderboard, share, new and delete. */
export function CompareToolbar({
  title,
  saved,
  blind,
  paneCount,
  busy,
  onAddPane,
  onDelete,
  shareId,
  comparisonId,
}: {
  title: string;
  saved: boolean;
  blind: boolean;
  paneCount: number;
  busy: boolean;
  onAddPane: () => void;
  onDelete: () => void;
  /** the saved comparison's id when the user may share it */
  shareId?: string;
  /** the saved comparison's id (export) */
  comparisonId?: string;
}) {
  const t = useT();
  const setBlind = useCompareStore((state) => state.setBlind);
  const syncScroll = useCompareStore((state) => state.syncScroll);
  const setSyncScroll = useCompareStore((state) => state.setSyncScroll);
  const newComparison = useCompareStore((state) => state.newComparison);
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);

  return (
    <div
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-line/70 px-3 py-2 sm:px-4"
      data-testid="compare-toolbar"
    >
      <div className="flex min-w-0 flex-1 basis-full items-center gap-2 sm:basis-auto">
        <h1 className="truncate text-[15px] font-semibold" data-testid="compare-title">
          {title}
        </h1>
        {saved && blind && (
          <span
            className="shrink-0 rounded-full border border-line px-2 py-0.5 text-[11px] text-ink-muted"
            data-testid="blind-badge"
          >
            {t('compare.blind')}
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        {!saved && (
          <span className="flex items-center gap-1.5 text-xs text-ink-muted" title={t('compare.blindTip')}>
            <Switch
              checked={blind}
              onCheckedChange={setBlind}
              data-testid="blind-toggle"
              aria-label={t('compare.blind')}
            />
            <span aria-hidden="true">{t('compare.blind')}</span>
          </span>
        )}
        <span className="flex items-center gap-1.5 text-xs text-ink-muted">
          <Switch
            checked={syncScroll}
            onCheckedChange={setSyncScroll}
            data-testid="sync-scroll"
            aria-label={t('compare.syncScroll')}
          />
          <span aria-hidden="true">{t('compare.syncScroll')}</span>
        </span>
        <Button
          size="sm"
          variant="secondary"
          disabled={paneCount >= maxPanes || busy}
          onClick={onAddPane}
          data-testid="add-pane"
        >
          <PlusIcon size={14} />
          <span className="max-sm:sr-only">{t('compare.addPane')}</span>
        </Button>
        <Link
          href="/compare/leaderboard"
          className={buttonVariants({ size: 'sm', variant: 'ghost' })}
          data-testid="leaderboard-link"
        >
          {t('compare.leaderboard')}
        </Link>
        {shareId && (
          <Button
            size="sm"
            variant="ghost"
            disabled={busy}
            onClick={() => setSharing(true)}
            aria-label={t('shareCompare.share')}
            data-testid="share-comparison"
          >
            <ShareIcon size={14} />
            <span className="max-sm:sr-only">{t('shareCompare.share')}</span>
          </Button>
        )}
        {comparisonId && <CompareExportMenu comparisonId={comparisonId} />}
        {saved && (
          <Link
            href="/compare"
            onClick={newComparison}
            className={cn(buttonVariants({ size: 'sm', variant: 'ghost' }), 'max-sm:hidden')}
            data-testid="new-comparison"
          >
            {t('compare.new')}
          </Link>
        )}
        {saved && (
          <Button
            size="sm"
            variant={confirming ? 'danger' : 'ghost'}
            disabled={busy}
            data-testid="delete-comparison"
            onBlur={() => setConfirming(false)}
            onClick={() => (confirming ? onDelete() : setConfirming(true))}
            aria-label={confirming ? t('compare.deleteConfirm') : t('compare.delete')}
          >
            <TrashIcon size={14} />
            {confirming ? t('compare.deleteConfirm') : <span className="sr-only">{t('compare.delete')}</span>}
          </Button>
        )}
      </div>
      {shareId && (
        <LazyShareDialog source={{ comparisonId: shareId }} open={sharing} onClose={() => setSharing(false)} />
      )}
    </div>
  );
}
