'use client';

import { cn } from '@/components/ui/cn';
import { AlertIcon, CloseIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import type { Attachments } from './use-attachments';

/** Thumbnails of the images waiting to be sent, each with a remove button, and any refusal. */
export function AttachmentTray({ attachments, className }: { attachments: Attachments; className?: string }) {
  const t = useT();
  const { items, notice, limits } = attachments;
  if (items.length === 0 && !notice) return null;
  return (
    <div className={cn('flex flex-col gap-1.5', className)} data-testid="attachment-tray">
      {items.length > 0 && (
        <ul
          className="flex flex-wrap items-end gap-2"
          aria-label={t('attach.count', { count: items.length, limit: limits.perMessage })}
        >
          {items.map((item) => (
            <li
              key={item.key}
              className="group/thumb relative"
              data-testid="attachment-thumb"
              data-status={item.status}
              title={item.error ?? item.name}
            >
              {/* biome-ignore lint/performance/noImgElement: a local blob: preview; next/image cannot optimise it */}
              <img
                src={item.previewUrl}
                alt={item.name}
                className={cn(
                  'h-16 w-16 rounded-xl border border-line object-cover',
                  item.status === 'uploading' && 'opacity-60',
                  item.status === 'error' && 'border-danger opacity-50',
                )}
              />
              {item.status === 'uploading' && (
                <span className="absolute inset-0 flex items-center justify-center" role="status">
                  <span className="h-5 w-5 animate-spin rounded-full border-2 border-ink/20 border-t-accent" />
                  <span className="sr-only">{t('attach.uploading')}</span>
                </span>
              )}
              {item.status === 'error' && (
                <span className="absolute inset-x-0 bottom-1 flex justify-center text-danger" aria-hidden="true">
                  <AlertIcon size={16} />
                </span>
              )}
              <button
                type="button"
                onClick={() => attachments.remove(item.key)}
                aria-label={t('attach.remove', { name: item.name })}
                data-testid="attachment-remove"
                className="absolute -right-1.5 -top-1.5 flex h-5 w-5 items-center justify-center rounded-full border border-line bg-surface-raised text-ink-muted shadow-sm hover:text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
              >
                <CloseIcon size={12} strokeWidth={2.4} />
              </button>
            </li>
          ))}
          <li className="pb-1 text-xs text-ink-faint" aria-hidden="true">
            {t('attach.count', { count: items.length, limit: limits.perMessage })}
          </li>
        </ul>
      )}
      {items.some((item) => item.attachment?.animated) && (
        <p className="text-xs text-ink-muted">{t('attach.animated')}</p>
      )}
      {[notice, ...items.map((item) => item.error)].filter(Boolean).map((text) => (
        <p key={text} role="alert" className="text-xs text-danger" data-testid="attachment-error">
          {text}
        </p>
      ))}
    </div>
  );
}
