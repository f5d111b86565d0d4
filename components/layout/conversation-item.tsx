'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { DotsIcon, PencilIcon, TrashIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';
import { useDeleteConversation, useRenameConversation } from '@/lib/query/conversation-mutations';
import type { ConversationSummary } from '@/lib/query/types';
import { useUiStore } from '@/lib/stores/ui-store';
import { RenameInput } from './rename-input';

export function ConversationItem({ conversation, active }: { conversation: ConversationSummary; active: boolean }) {
  const t = useT();
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const startNewChat = useUiStore((state) => state.startNewChat);
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const title = conversation.title?.trim() || t('sidebar.untitled');

  const onDelete = () => {
    setConfirming(false);
    // The row disappears at once (optimistic), unmounting this component: leave the page now.
    // startNewChat remounts the new-chat view even when this conversation was begun on "/".
    if (active) {
      startNewChat();
      router.push('/');
    }
    remove.mutate(conversation.id);
  };

  return (
    <li
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
      data-active={active ? 'true' : undefined}
      className={cn(
        'group relative flex items-center rounded-lg transition-colors',
        active ? 'bg-ink/[0.07] text-ink' : 'text-ink-muted hover:bg-ink/[0.04] hover:text-ink',
      )}
    >
      {renaming ? (
        <RenameInput
          initial={conversation.title ?? ''}
          label={t('sidebar.renameLabel')}
          onCancel={() => setRenaming(false)}
          onSave={(next) => {
            setRenaming(false);
            if (next !== conversation.title) rename.mutate({ id: conversation.id, title: next });
          }}
        />
      ) : (
        <Link
          href={`/c/${conversation.id}`}
          aria-current={active ? 'page' : undefined}
          className="min-w-0 flex-1 rounded-lg py-2 pl-3 pr-9 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-accent/60"
          title={title}
        >
          <span className="block truncate" data-testid="conversation-title">
            {title}
          </span>
        </Link>
      )}
      {!renaming && (
        <div
          className={cn(
            'absolute inset-y-0 right-1 flex items-center transition-opacity',
            active
              ? 'opacity-100'
              : 'opacity-60 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100',
          )}
        >
          <Popover
            align="end"
            testId="conversation-menu"
            className="min-w-[9.5rem]"
            trigger={(props) => (
              <Button
                variant="ghost"
                size="iconXs"
                {...props}
                aria-label={t('sidebar.actions', { title })}
                data-testid="conversation-actions"
              >
                <DotsIcon size={16} />
              </Button>
            )}
          >
            {(close) => (
              <>
                <MenuItem
                  testId="conversation-rename"
                  onSelect={() => {
                    close();
                    setRenaming(true);
                  }}
                >
                  <PencilIcon size={15} className="text-ink-muted" />
                  {t('sidebar.rename')}
                </MenuItem>
                <MenuItem
                  danger
                  testId="conversation-delete"
                  onSelect={() => {
                    close();
                    setConfirming(true);
                  }}
                >
                  <TrashIcon size={15} />
                  {t('sidebar.delete')}
                </MenuItem>
              </>
            )}
          </Popover>
        </div>
      )}
      {confirming && (
        <Dialog
          open
          onClose={() => setConfirming(false)}
          title={t('dialog.deleteTitle')}
          description={t('dialog.deleteBody', { title })}
          testId="delete-dialog"
        >
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="cancel-delete">
              {t('dialog.cancel')}
            </Button>
            <Button variant="danger" onClick={onDelete} data-testid="confirm-delete" autoFocus>
              {t('dialog.confirmDelete')}
            </Button>
          </div>
        </Dialog>
      )}
    </li>
  );
}
