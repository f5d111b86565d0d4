'use client';

import { useEffect, useRef } from 'react';
import { AttachButton } from '@/components/attachments/attach-button';
import { AttachmentTray } from '@/components/attachments/attachment-tray';
import type { Attachments } from '@/components/attachments/use-attachments';
import { cn } from '@/components/ui/cn';
import { ArrowUpIcon, StopIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { useDraftStore } from '@/lib/stores/draft-store';

const maxHeightPx = 240;

let fieldSizing: boolean | undefined;
function fieldSizingSupported(): boolean {
  fieldSizing ??= typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
  return fieldSizing;
}

/**
 * The message box. Enter sends and Shift+Enter adds a line (on touch screens Enter adds a line);
 * Enter while an IME is composing (e.g. pinyin) only confirms the candidate. The draft lives in the
 * draft store per conversation, so it survives navigation and reloads.
 */
export function Composer({
  draftKey,
  busy,
  disabled,
  onSend,
  onStop,
  attachments,
  attachDisabledReason,
  blocked = false,
}: {
  draftKey: string;
  busy: boolean;
  disabled: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  /** images waiting to go with the message (the attach control shows only when given) */
  attachments?: Attachments;
  /** why attaching is off (a text-only model); undefined → enabled */
  attachDisabledReason?: string;
  /** sending is held back (e.g. images the picked model cannot read) */
  blocked?: boolean;
}) {
  const t = useT();
  const draft = useDraftStore((state) => state.drafts[draftKey] ?? '');
  const setDraft = useDraftStore((state) => state.setDraft);
  const ref = useRef<HTMLTextAreaElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes
  useEffect(() => {
    const area = ref.current;
    // Where CSS sizes the box to its text (`field-sizing: content`), no script measures it: reading
    // scrollHeight forces a layout of the whole page on every keystroke, streaming answer included.
    if (!area || fieldSizingSupported()) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight, maxHeightPx)}px`;
    area.style.overflowY = area.scrollHeight > maxHeightPx ? 'auto' : 'hidden';
  }, [draft]);

  // Focus the box (not on touch screens, where that opens the keyboard), caret after any draft.
  useEffect(() => {
    const area = ref.current;
    if (!area || !window.matchMedia('(pointer: fine)').matches) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const images = attachments?.items.length ?? 0;
  const imagesSettled = !attachments?.uploading && !attachments?.failed;
  const canSend = !busy && !disabled && !blocked && imagesSettled && (draft.trim().length > 0 || images > 0);
  const submit = () => {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft(draftKey, '');
  };

  return (
    <form
      className="relative rounded-[1.35rem] border border-line bg-surface-raised shadow-[0_2px_12px_-4px_rgba(0,0,0,0.08)] transition-shadow focus-within:border-ink/20 focus-within:shadow-[0_4px_20px_-6px_rgba(0,0,0,0.14)] dark:shadow-none"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {attachments && <AttachmentTray attachments={attachments} className="px-3 pt-3" />}
      <label htmlFor="composer-input" className="sr-only">
        {t('composer.label')}
      </label>
      <textarea
        id="composer-input"
        ref={ref}
        rows={1}
        value={draft}
        placeholder={t('composer.placeholder')}
        aria-describedby="composer-hint"
        data-testid="composer-input"
        onChange={(event) => setDraft(draftKey, event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey) return;
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          if (window.matchMedia('(pointer: coarse)').matches) return;
          event.preventDefault();
          submit();
        }}
        className={cn(
          'block max-h-60 w-full resize-none overflow-y-auto bg-transparent py-3.5 pr-14 text-[15px] leading-6 text-ink outline-none [field-sizing:content] placeholder:text-ink-faint',
          attachments ? 'pl-12' : 'pl-4',
        )}
      />
      {attachments && (
        <div className="absolute bottom-2 left-2">
          <AttachButton
            onFiles={attachments.add}
            disabledReason={
              attachDisabledReason ??
              (images >= attachments.limits.perMessage
                ? t('attach.tooMany', { limit: attachments.limits.perMessage })
                : undefined)
            }
            limit={attachments.limits.perMessage}
            accept={attachments.limits.mediaTypes}
          />
        </div>
      )}
      <span id="composer-hint" className="sr-only">
        {t('composer.hint')}
      </span>
      <div className="absolute bottom-2 right-2">
        {busy ? (
          <button
            type="button"
            onClick={onStop}
            aria-label={t('composer.stop')}
            title={t('composer.stop')}
            data-testid="stop-button"
            className="flex h-9 w-9 items-center justify-center rounded-full bg-ink text-surface transition-transform hover:scale-105 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 focus-visible:ring-offset-2 focus-visible:ring-offset-surface"
          >
            <StopIcon size={16} />
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            aria-label={t('composer.send')}
            title={t('composer.send')}
            data-testid="send-button"
            className={cn(
              'flex h-9 w-9 items-center justify-center rounded-full transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 focus-visible:ring-offset-2 focus-visible:ring-offset-surface',
              canSend ? 'bg-accent text-accent-ink hover:bg-accent/90' : 'bg-ink/10 text-ink-faint',
            )}
          >
            <ArrowUpIcon size={17} strokeWidth={2.2} />
          </button>
        )}
      </div>
    </form>
  );
}
