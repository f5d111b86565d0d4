'use client';

import { useQuery } from '@tanstack/react-query';
import type { FileUIPart } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppError } from '@/lib/errors';
import { useT } from '@/lib/i18n/use-t';
import { attachmentLimitsQueryOptions, type UploadedAttachment, uploadAttachment } from '@/lib/query/attachments';

export interface PendingAttachment {
  /** client-side key */
  key: string;
  name: string;
  /** a blob: URL of the local file, for the thumbnail while it uploads */
  previewUrl: string;
  status: 'uploading' | 'ready' | 'error';
  attachment?: UploadedAttachment;
  error?: string;
}

const fallbackLimits = {
  maxBytes: 10 * 1024 * 1024,
  perMessage: 4,
  mediaTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
};

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

let counter = 0;

/**
 * The images waiting to go with the next message: checked in the browser (type, size, count —
 * the server checks again and decides), uploaded at once, shown as thumbnails until sent. Used by
 * the chat composer; compare and the playground plug in the same way: call `add` from a picker,
 * paste or drop, render `<AttachmentTray>`, send `parts()` with the message, then `clear()`.
 */
export function useAttachments({ enabled }: { enabled: boolean }) {
  const t = useT();
  const limitsQuery = useQuery({ ...attachmentLimitsQueryOptions(), enabled });
  const limits = limitsQuery.data?.limits ?? fallbackLimits;
  const error = limitsQuery.error;
  /** false when the server says this account may not upload images (guests) */
  const allowed = !(error instanceof AppError && error.status === 403);
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const [notice, setNotice] = useState<string>();
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, patch: Partial<PendingAttachment>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      if (!enabled || !allowed) return;
      const incoming = [...files];
      const room = limits.perMessage - itemsRef.current.length;
      const problems: string[] = [];
      if (incoming.length > room) problems.push(t('attach.tooMany', { limit: limits.perMessage }));
      const accepted: PendingAttachment[] = [];
      for (const file of incoming.slice(0, Math.max(room, 0))) {
        if (!limits.mediaTypes.includes(file.type)) {
          problems.push(t('attach.badType', { name: file.name || 'file' }));
          continue;
        }
        if (file.size > limits.maxBytes) {
          problems.push(t('attach.tooLarge', { name: file.name || 'file', size: formatSize(limits.maxBytes) }));
          continue;
        }
        const key = `a${++counter}`;
        accepted.push({ key, name: file.name || 'image', previewUrl: URL.createObjectURL(file), status: 'uploading' });
        const controller = new AbortController();
        controllers.current.set(key, controller);
        uploadAttachment(file, controller.signal)
          .then((attachment) => update(key, { status: 'ready', attachment }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            update(key, { status: 'error', error: error instanceof AppError ? error.message : t('attach.failed') });
          })
          .finally(() => controllers.current.delete(key));
      }
      setNotice(problems.length > 0 ? problems.join(' ') : undefined);
      if (accepted.length > 0) setItems((list) => [...list, ...accepted]);
    },
    [enabled, allowed, limits, t, update],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((list) => {
      const gone = list.find((item) => item.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((item) => item.key !== key);
    });
    setNotice(undefined);
  }, []);

  const clear = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    setItems((list) => {
      for (const item of list) URL.revokeObjectURL(item.previewUrl);
      return [];
    });
    setNotice(undefined);
  }, []);

  useEffect(() => () => clear(), [clear]);

  /** The message parts of the uploaded images, in order. */
  const parts = useCallback(
    (): FileUIPart[] =>
      itemsRef.current.flatMap((item) =>
        item.attachment
          ? [{ type: 'file' as const, mediaType: item.attachment.mediaType, url: item.attachment.url }]
          : [],
      ),
    [],
  );

  return useMemo(
    () => ({
      items,
      add,
      remove,
      clear,
      parts,
      notice,
      limits,
      allowed,
      uploading: items.some((item) => item.status === 'uploading'),
      failed: items.some((item) => item.status === 'error'),
      ready: items.filter((item) => item.status === 'ready').length,
    }),
    [items, add, remove, clear, parts, notice, limits, allowed],
  );
}

export type Attachments = ReturnType<typeof useAttachments>;
