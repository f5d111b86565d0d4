'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { AttachButton } from '@/components/attachments/attach-button';
import { AttachmentTray } from '@/components/attachments/attachment-tray';
import { DropOverlay } from '@/components/attachments/drop-overlay';
import { useAttachments } from '@/components/attachments/use-attachments';
import { useDropAndPaste } from '@/components/attachments/use-drop-and-paste';
import { cn } from '@/components/ui/cn';
import { CloseIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import type { PlaygroundImage, PlaygroundMessage } from '@/lib/playground/state';
import { usePlaygroundStore } from '@/lib/stores/playground-store';

/**
 * A playground user message's images around its text box: picker, drop and paste (when the model
 * can read images), uploads through `POST /api/attachments`, then thumbnails by attachment id. The
 * state keeps only ids, so a bookmarked link may name someone else's upload: such a thumbnail
 * fails to load (the route answers 404) and says so.
 */
export function MessageImagesField({
  index,
  message,
  vision,
  children,
}: {
  index: number;
  message: PlaygroundMessage;
  /** the model can read images (else the attach control is off, with the reason) */
  vision: { can: boolean; label: string };
  children: ReactNode;
}) {
  const t = useT();
  const updateMessage = usePlaygroundStore((store) => store.updateMessage);
  const images = message.images ?? [];
  const isUser = message.role === 'user';
  const attachments = useAttachments({ enabled: vision.can && isUser });
  const { dragging, handlers } = useDropAndPaste(attachments.add, vision.can && isUser && attachments.allowed);
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());

  // Finished uploads move from the tray into the message (by id).
  useEffect(() => {
    const ready = attachments.items.filter((item) => item.status === 'ready' && item.attachment);
    if (ready.length === 0) return;
    const current = usePlaygroundStore.getState().state?.messages[index]?.images ?? [];
    const added = ready.map((item) => ({
      id: item.attachment!.id,
      mediaType: item.attachment!.mediaType as PlaygroundImage['mediaType'],
    }));
    updateMessage(index, { images: [...current, ...added] });
    for (const item of ready) attachments.remove(item.key);
  }, [attachments, index, updateMessage]);

  const remove = (id: string) => {
    const rest = images.filter((image) => image.id !== id);
    updateMessage(index, { images: rest.length > 0 ? rest : undefined });
  };
  const full = images.length + attachments.items.length >= attachments.limits.perMessage;
  const disabledReason = !vision.can
    ? t('attach.unsupportedModel', { model: vision.label })
    : !attachments.allowed
      ? t('attach.notAllowed')
      : full
        ? t('attach.tooMany', { limit: attachments.limits.perMessage })
        : undefined;
  const missing = images.filter((image) => unreadable.has(image.id)).length;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop and paste zone for images; the attach button is the keyboard path
    <div
      className="relative"
      onDragEnter={handlers.onDragEnter}
      onDragOver={handlers.onDragOver}
      onDragLeave={handlers.onDragLeave}
      onDrop={handlers.onDrop}
      onPaste={handlers.onPaste}
    >
      {dragging && <DropOverlay />}
      {children}
      {(images.length > 0 || isUser) && (
        <div className="flex flex-wrap items-end gap-2 px-1 pt-1">
          {images.map((image, n) => (
            <div key={image.id} className="relative" data-testid="playground-image">
              {unreadable.has(image.id) ? (
                <div className="flex h-14 w-14 items-center justify-center rounded-lg border border-dashed border-danger/50 px-1 text-center text-[10px] leading-tight text-danger">
                  {t('playground.imageUnavailableShort')}
                </div>
              ) : (
                // biome-ignore lint/performance/noImgElement: the owner's stored attachment, served by its own route
                <img
                  src={`/api/attachments/${image.id}`}
                  alt={t('attach.imageAlt', { index: n + 1 })}
                  onError={() => setUnreadable((set) => new Set(set).add(image.id))}
                  className="h-14 w-14 rounded-lg object-cover ring-1 ring-line"
                />
              )}
              <button
                type="button"
                onClick={() => remove(image.id)}
                aria-label={t('attach.remove', { name: t('attach.imageAlt', { index: n + 1 }) })}
                className={cn(
                  'absolute -right-1.5 -top-1.5 flex h-5 w-5 items-center justify-center rounded-full bg-ink text-surface shadow',
                  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60',
                )}
                data-testid="playground-image-remove"
              >
                <CloseIcon size={11} />
              </button>
            </div>
          ))}
          {isUser && (
            <AttachButton
              onFiles={attachments.add}
              disabledReason={disabledReason}
              limit={attachments.limits.perMessage}
              accept={attachments.limits.mediaTypes}
            />
          )}
        </div>
      )}
      <AttachmentTray attachments={attachments} className="px-1 pt-1" />
      {missing > 0 && (
        <p role="alert" className="px-1 pt-1 text-xs text-danger" data-testid="playground-image-unavailable">
          {t('playground.imageUnavailable', { count: missing })}
        </p>
      )}
    </div>
  );
}
