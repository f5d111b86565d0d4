'use client';

import type { FileUIPart } from 'ai';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/use-t';

/** The image parts of a message (stored attachments), in order. */
export function imagePartsOf(parts: readonly { type: string }[]): FileUIPart[] {
  return parts.filter(
    (part): part is FileUIPart => part.type === 'file' && (part as FileUIPart).mediaType.startsWith('image/'),
  );
}

/** Thumbnails of a sent message's images; a click opens the image full size in a dialog. */
export function MessageImages({ images, className }: { images: readonly FileUIPart[]; className?: string }) {
  const t = useT();
  const [open, setOpen] = useState<number>();
  if (images.length === 0) return null;
  const current = open === undefined ? undefined : images[open];
  return (
    <>
      <ul className={cn('flex flex-wrap justify-end gap-2', className)} data-testid="message-images">
        {images.map((image, index) => (
          <li key={image.url}>
            <button
              type="button"
              onClick={() => setOpen(index)}
              aria-label={t('attach.open', { index: index + 1 })}
              data-testid="message-image"
              className="block overflow-hidden rounded-xl border border-line bg-surface-muted transition-opacity hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
            >
              {/* biome-ignore lint/performance/noImgElement: private, session-bound images; the optimiser would fetch them without the session */}
              <img
                src={image.url}
                alt={t('attach.imageAlt', { index: index + 1 })}
                loading="lazy"
                className={cn('object-cover', images.length === 1 ? 'max-h-60 max-w-[16rem]' : 'h-28 w-28')}
              />
            </button>
          </li>
        ))}
      </ul>
      <Dialog
        open={current !== undefined}
        onClose={() => setOpen(undefined)}
        title={t('attach.viewerTitle', { index: (open ?? 0) + 1, count: images.length })}
        className="max-w-[min(64rem,calc(100%-2rem))]"
        testId="image-viewer"
      >
        {current && (
          <div className="flex flex-col gap-3">
            {/* biome-ignore lint/performance/noImgElement: private, session-bound images; the optimiser would fetch them without the session */}
            <img
              src={current.url}
              alt={t('attach.imageAlt', { index: (open ?? 0) + 1 })}
              className="mx-auto max-h-[75vh] w-auto rounded-lg object-contain"
              data-testid="image-viewer-image"
            />
            <div className="flex justify-end gap-3 text-sm">
              <a
                href={current.url}
                target="_blank"
                rel="noreferrer"
                className="text-ink-muted underline-offset-2 hover:text-ink hover:underline"
              >
                {t('attach.openOriginal')}
              </a>
              <button
                type="button"
                onClick={() => setOpen(undefined)}
                className="font-medium text-ink hover:underline"
                data-testid="image-viewer-close"
              >
                {t('attach.close')}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
