'use client';

import { type ClipboardEvent, type DragEvent, useCallback, useRef, useState } from 'react';

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/**
 * Props for an element that takes images by paste and by drag and drop; `dragging` is true while
 * files hover over it (for a drop hint). Text pastes pass through untouched.
 */
export function useDropAndPaste(onFiles: (files: File[]) => void, enabled: boolean) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const onPaste = useCallback(
    (event: ClipboardEvent) => {
      const files = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
      if (!enabled || files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    },
    [enabled, onFiles],
  );

  const onDragEnter = useCallback(
    (event: DragEvent) => {
      if (!enabled || !hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    [enabled],
  );
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!enabled || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [enabled],
  );
  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!enabled || !hasFiles(event)) return;
      event.preventDefault();
      onFiles([...event.dataTransfer.files]);
    },
    [enabled, onFiles],
  );

  return { dragging, handlers: { onPaste, onDragEnter, onDragOver, onDragLeave, onDrop } };
}
