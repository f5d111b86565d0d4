'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DownloadIcon, ShareIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';
import { LazyShareDialog } from './lazy-share-dialog';

const formats = [
  { format: 'md', key: 'export.md' },
  { format: 'json', key: 'export.json' },
  { format: 'txt', key: 'export.txt' },
  { format: 'html', key: 'export.html' },
] as const;

/** Share and Export for the open conversation (in the header on `/c/[id]`). */
export function ConversationActions({ conversationId, canShare }: { conversationId: string; canShare: boolean }) {
  const t = useT();
  const [sharing, setSharing] = useState(false);
  const base = `/api/export/${encodeURIComponent(conversationId)}`;

  return (
    <div className="flex items-center gap-0.5">
      {canShare && (
        <Button
          variant="ghost"
          size="sm"
          className="max-sm:hidden"
          onClick={() => setSharing(true)}
          aria-label={t('share.button')}
          data-testid="share-button"
        >
          <ShareIcon size={16} />
          <span className="hidden lg:inline">{t('share.button')}</span>
        </Button>
      )}
      {/* Phones: one button for sharing and exporting, so the model picker keeps its room. */}
      <Popover
        align="end"
        testId="export-menu"
        className="w-56"
        trigger={(props) => (
          <Button
            variant="ghost"
            size="iconSm"
            {...props}
            aria-label={t('export.button')}
            title={t('export.button')}
            data-testid="export-button"
          >
            <DownloadIcon size={16} className="max-sm:hidden" />
            <ShareIcon size={16} className="sm:hidden" />
          </Button>
        )}
      >
        {(close) => (
          <>
            {canShare && (
              <MenuItem
                testId="export-menu-share"
                className="sm:hidden"
                onSelect={() => {
                  close();
                  setSharing(true);
                }}
              >
                {t('share.button')}…
              </MenuItem>
            )}
            {formats.map(({ format, key }) => (
              <MenuItem
                key={format}
                testId={`export-${format}`}
                onSelect={() => {
                  close();
                  window.location.assign(`${base}?format=${format}`);
                }}
              >
                {t(key)}
              </MenuItem>
            ))}
            <MenuItem
              testId="export-print"
              onSelect={() => {
                close();
                window.open(`${base}?format=html&disposition=inline`, '_blank', 'noopener');
              }}
            >
              {t('export.print')}
            </MenuItem>
          </>
        )}
      </Popover>
      {canShare && <LazyShareDialog source={{ conversationId }} open={sharing} onClose={() => setSharing(false)} />}
    </div>
  );
}
