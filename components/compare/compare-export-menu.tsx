'use client';

import { Button } from '@/components/ui/button';
import { DownloadIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';

const formats = [
  { format: 'md', key: 'export.md' },
  { format: 'json', key: 'export.json' },
] as const;

/** Downloads the saved comparison as Markdown or JSON (`GET /api/compare/:id/export`). */
export function CompareExportMenu({ comparisonId }: { comparisonId: string }) {
  const t = useT();
  const base = `/api/compare/${encodeURIComponent(comparisonId)}/export`;
  return (
    <Popover
      align="end"
      testId="compare-export-menu"
      className="w-48"
      trigger={(props) => (
        <Button
          variant="ghost"
          size="iconSm"
          {...props}
          aria-label={t('export.button')}
          title={t('export.button')}
          data-testid="compare-export"
        >
          <DownloadIcon size={14} />
        </Button>
      )}
    >
      {(close) =>
        formats.map(({ format, key }) => (
          <MenuItem
            key={format}
            testId={`compare-export-${format}`}
            onSelect={() => {
              close();
              window.location.assign(`${base}?format=${format}`);
            }}
          >
            {t(key)}
          </MenuItem>
        ))
      }
    </Popover>
  );
}
