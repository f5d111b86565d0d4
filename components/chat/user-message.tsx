'use client';

import { useEffect, useRef, useState } from 'react';
import { imagePartsOf, MessageImages } from '@/components/attachments/message-images';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { PencilIcon } from '@/components/ui/icons';
import type { ChatMessage } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';
import { RedactionNote } from './gateway-labels';
import { textOf } from './message-text';

export function UserMessage({
  message,
  busy,
  onEdit,
}: {
  message: ChatMessage;
  busy: boolean;
  onEdit: (messageId: string, text: string) => void;
}) {
  const t = useT();
  const text = textOf(message);
  const images = imagePartsOf(message.parts);
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <EditBox
        initial={text}
        onCancel={() => setEditing(false)}
        onSave={(next) => {
          setEditing(false);
          onEdit(message.id, next);
        }}
      />
    );
  }

  return (
    <article
      className="group/message flex items-end justify-end gap-1.5"
      data-testid="user-message"
      data-message-id={message.id}
      aria-label={t('message.you')}
    >
      <div className="flex shrink-0 items-center gap-0.5 pb-1 transition-opacity md:opacity-0 md:group-hover/message:opacity-100 md:group-focus-within/message:opacity-100">
        <CopyButton
          getText={() => text}
          label={t('message.copyMessage')}
          copiedLabel={t('message.copied')}
          testId="user-copy"
        />
        <Button
          variant="ghost"
          size="iconXs"
          aria-label={t('message.editMessage')}
          title={t('message.edit')}
          data-testid="user-edit"
          disabled={busy}
          onClick={() => setEditing(true)}
        >
          <PencilIcon size={14} />
        </Button>
      </div>
      <div className="flex min-w-0 max-w-[80%] flex-col items-end gap-2 sm:max-w-[75%]">
        <MessageImages images={images} />
        {text && (
          <div className="min-w-0 max-w-full whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-surface-muted px-4 py-2.5 text-[15px] leading-relaxed text-ink ring-1 ring-line/60">
            {text}
          </div>
        )}
        <RedactionNote redactions={message.metadata?.redactions} />
      </div>
    </article>
  );
}

function EditBox({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);
  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight, 320)}px`;
  });

  const save = () => value.trim() && onSave(value.trim());

  return (
    <div
      className="ml-auto w-full max-w-[85%] rounded-2xl border border-line bg-surface-raised p-2 shadow-sm sm:max-w-[75%]"
      data-testid="edit-box"
    >
      <textarea
        ref={ref}
        value={value}
        aria-label={t('message.editMessage')}
        data-testid="edit-input"
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
            event.preventDefault();
            save();
          }
        }}
        className="block w-full resize-none bg-transparent px-2 py-1.5 text-[15px] leading-relaxed text-ink outline-none"
      />
      <div className="mt-1 flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel} data-testid="edit-cancel">
          {t('message.cancel')}
        </Button>
        <Button variant="primary" size="sm" onClick={save} disabled={!value.trim()} data-testid="edit-save">
          {t('message.save')}
        </Button>
      </div>
    </div>
  );
}
