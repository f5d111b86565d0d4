'use client';

import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { ImageIcon } from '@/components/ui/icons';
import { Tooltip } from '@/components/ui/tooltip';
import { useT } from '@/lib/i18n/use-t';

/**
 * Opens the file picker for images. Disabled (with a tooltip saying why) when the picked model
 * cannot read images or the message already has as many as it may carry.
 */
export function AttachButton({
  onFiles,
  disabledReason,
  limit,
  accept,
}: {
  onFiles: (files: File[]) => void;
  /** why attaching is off; undefined → enabled */
  disabledReason?: string;
  limit: number;
  accept: readonly string[];
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const label = disabledReason ?? t('attach.buttonLimit', { count: limit });
  return (
    <Tooltip content={label} side="top" align="start" testId="attach-tooltip">
      {(describedBy) => (
        <>
          <Button
            variant="ghost"
            size="iconSm"
            aria-label={t('attach.button')}
            aria-describedby={describedBy}
            data-testid="attach-button"
            disabled={Boolean(disabledReason)}
            onClick={() => input.current?.click()}
            className="rounded-full"
          >
            <ImageIcon size={18} />
          </Button>
          <input
            ref={input}
            type="file"
            accept={accept.join(',')}
            multiple
            hidden
            data-testid="attach-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
        </>
      )}
    </Tooltip>
  );
}
