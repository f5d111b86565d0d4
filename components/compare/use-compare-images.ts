'use client';

import { useAttachments } from '@/components/attachments/use-attachments';
import { useDropAndPaste } from '@/components/attachments/use-drop-and-paste';
import type { EditablePane } from '@/lib/compare/panes';
import type { ModelsResponse } from '@/lib/query/types';
import { useDraftStore } from '@/lib/stores/draft-store';
import type { PaneSnapshot } from './types';

/**
 * Images in a comparison: one set of attachments for the shared composer, enabled when at least
 * one pane's model can read images. Those panes get the images; the others get the text only, so
 * an images-only question waits for some text while a text-only pane is part of the comparison.
 */
export function useCompareImages(
  panes: readonly EditablePane[],
  models: ModelsResponse | undefined,
  snapshots: readonly (PaneSnapshot | undefined)[],
  draftKey: string,
) {
  const visionOf = (model: string) => {
    const spec = models?.models.find((candidate) => candidate.id === model);
    return { can: Boolean(spec?.vision), label: spec?.label ?? model };
  };
  const anyVision = panes.some((pane) => visionOf(pane.model).can);
  const someTextOnly = panes.some((pane) => !visionOf(pane.model).can);
  const attachments = useAttachments({ enabled: anyVision });
  const { dragging, handlers } = useDropAndPaste(attachments.add, anyVision && attachments.allowed);
  const draftEmpty = useDraftStore((state) => !state.drafts[draftKey]?.trim());
  const pending = attachments.items.length > 0;
  return {
    attachments,
    dragging,
    handlers,
    visionOf,
    /** no pane can read images: the attach control is off */
    noVision: Boolean(models) && !anyVision,
    needsText: pending && someTextOnly && draftEmpty,
    /** images are attached or were sent in some pane (text-only panes show their note) */
    imagesInComparison: pending || snapshots.some((snapshot) => snapshot?.images),
  };
}
