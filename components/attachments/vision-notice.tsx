'use client';

import { Button } from '@/components/ui/button';
import { ImageIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';

/**
 * Shown above the composer when the picked model cannot read images but the conversation (or the
 * message being written) has some: the user chooses — switch back to a model that can, or send
 * without the images (the server then leaves them out of the request) — instead of meeting an
 * upstream error.
 */
export function VisionNotice({
  model,
  visionModel,
  pending,
  dropping,
  onSwitch,
  onDropImages,
  onRemovePending,
}: {
  /** label of the text-only model picked */
  model: string;
  /** label of a model that can read images, if any */
  visionModel?: string;
  /** the images are the ones attached to the unsent message (else: in the history) */
  pending: boolean;
  /** the user chose to send without the history's images */
  dropping: boolean;
  onSwitch: () => void;
  onDropImages: (drop: boolean) => void;
  onRemovePending: () => void;
}) {
  const t = useT();
  if (dropping && !pending) {
    return (
      <div
        className="mb-2 flex flex-wrap items-center gap-2 text-xs text-ink-muted"
        data-testid="vision-notice"
        data-state="dropping"
      >
        <ImageIcon size={14} />
        <span>{t('attach.sendingWithout', { model })}</span>
        <button
          type="button"
          className="font-medium text-ink underline-offset-2 hover:underline"
          onClick={() => onDropImages(false)}
        >
          {t('attach.undo')}
        </button>
        {visionModel && (
          <button
            type="button"
            className="font-medium text-accent underline-offset-2 hover:underline"
            onClick={onSwitch}
            data-testid="vision-switch"
          >
            {t('attach.switchBack', { model: visionModel })}
          </button>
        )}
      </div>
    );
  }
  return (
    <div
      role="status"
      className="mb-2 flex flex-col gap-2 rounded-2xl border border-line bg-surface-raised px-3.5 py-2.5 text-sm sm:flex-row sm:items-center"
      data-testid="vision-notice"
      data-state={pending ? 'pending' : 'history'}
    >
      <span className="flex min-w-0 flex-1 items-center gap-2 text-ink">
        <ImageIcon size={16} className="shrink-0 text-ink-muted" />
        {t(pending ? 'attach.pendingTitle' : 'attach.historyTitle', { model })}
      </span>
      <span className="flex shrink-0 flex-wrap gap-2">
        {visionModel && (
          <Button size="sm" variant="primary" onClick={onSwitch} data-testid="vision-switch">
            {t('attach.switchBack', { model: visionModel })}
          </Button>
        )}
        <Button
          size="sm"
          onClick={pending ? onRemovePending : () => onDropImages(true)}
          data-testid="vision-send-without"
        >
          {t(pending ? 'attach.removeAll' : 'attach.sendWithout')}
        </Button>
      </span>
    </div>
  );
}
