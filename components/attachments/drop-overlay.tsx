'use client';

import { ImageIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';

/** The hint over a drop zone while image files hover over it (see `useDropAndPaste`). */
export function DropOverlay() {
  const t = useT();
  return (
    <div
      className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center gap-2 rounded-3xl border-2 border-dashed border-accent/60 bg-surface/85 text-sm font-medium text-ink"
      data-testid="drop-overlay"
    >
      <ImageIcon size={18} />
      {t('attach.dropHere')}
    </div>
  );
}
