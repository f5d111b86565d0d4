'use client';

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { endsWithAssistant, supportsPrefix } from '@/lib/playground/rules';
import { MAX_MESSAGES, type PlaygroundRole, playgroundRoles } from '@/lib/playground/state';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { usePlaygroundContext } from './context';
import { Field, inputClass } from './field';
import { MessageImagesField } from './message-images';
import { useIssues, useSpec } from './use-issues';

/** The system prompt and the message list: editable roles, add, remove, reorder. */
export function MessagesEditor() {
  const t = useT();
  const systemId = useId();
  const state = usePlaygroundStore((store) => store.state);
  const store = usePlaygroundStore(
    useShallow(({ set, updateMessage, moveMessage, removeMessage, addMessage }) => ({
      set,
      updateMessage,
      moveMessage,
      removeMessage,
      addMessage,
    })),
  );
  const { target } = usePlaygroundContext();
  const spec = useSpec(state);
  const issues = useIssues();
  if (!state || !spec) return null;
  const prefix = endsWithAssistant(state) && supportsPrefix(spec, target);
  const vision = { can: spec.vision, label: spec.label };

  return (
    <div className="space-y-3">
      <Field label={t('playground.system')} htmlFor={systemId}>
        <textarea
          id={systemId}
          rows={2}
          value={state.system}
          placeholder={t('playground.systemPlaceholder')}
          onChange={(event) => store.set('system', event.target.value)}
          className={cn(inputClass, 'resize-y')}
          data-testid="playground-system"
        />
      </Field>
      <div className="space-y-1.5">
        <h3 className="text-[13px] font-medium">{t('playground.messages')}</h3>
        <ol className="space-y-2" data-testid="playground-messages">
          {state.messages.map((message, index) => {
            const n = index + 1;
            const issue = issues.get(`messages.${index}`);
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity beyond their place
                key={index}
                className="rounded-xl border border-line bg-surface-raised p-2"
                data-testid="playground-message"
              >
                <div className="mb-1.5 flex items-center gap-1">
                  <select
                    aria-label={t('playground.role', { n })}
                    value={message.role}
                    onChange={(event) => store.updateMessage(index, { role: event.target.value as PlaygroundRole })}
                    className="rounded-md border border-transparent bg-transparent px-1 py-0.5 text-xs font-semibold uppercase tracking-wide text-ink-muted hover:border-line focus:border-accent/60 focus:outline-none"
                    data-testid="message-role"
                  >
                    {playgroundRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`playground.role.${role}`)}
                      </option>
                    ))}
                  </select>
                  <span className="flex-1" />
                  <Button
                    variant="ghost"
                    size="iconXs"
                    aria-label={t('playground.moveUp', { n })}
                    disabled={index === 0}
                    onClick={() => store.moveMessage(index, -1)}
                  >
                    <ArrowUpIcon size={14} />
                  </Button>
                  <Button
                    variant="ghost"
                    size="iconXs"
                    aria-label={t('playground.moveDown', { n })}
                    disabled={index === state.messages.length - 1}
                    onClick={() => store.moveMessage(index, 1)}
                  >
                    <ArrowDownIcon size={14} />
                  </Button>
                  <Button
                    variant="ghost"
                    size="iconXs"
                    aria-label={t('playground.remove', { n })}
                    onClick={() => store.removeMessage(index)}
                    data-testid="message-remove"
                  >
                    <TrashIcon size={14} />
                  </Button>
                </div>
                <MessageImagesField index={index} message={message} vision={vision}>
                  <textarea
                    rows={3}
                    value={message.content}
                    aria-label={t('playground.messagePlaceholder')}
                    aria-invalid={issue ? 'true' : undefined}
                    placeholder={t('playground.messagePlaceholder')}
                    onChange={(event) => store.updateMessage(index, { content: event.target.value })}
                    className={cn(inputClass, 'resize-y border-transparent bg-transparent')}
                    data-testid="message-content"
                  />
                </MessageImagesField>
                {issue && <p className="px-1 text-xs text-danger">{issue}</p>}
                {prefix && index === state.messages.length - 1 && (
                  <p className="px-1 text-xs text-ink-faint">{t('playground.prefixHint')}</p>
                )}
              </li>
            );
          })}
        </ol>
        {(issues.get('messages') || issues.get('prefix')) && (
          <p role="alert" className="text-xs text-danger" data-testid="messages-error">
            {issues.get('messages') ?? issues.get('prefix')}
          </p>
        )}
        <Button
          variant="ghost"
          size="sm"
          onClick={store.addMessage}
          disabled={state.messages.length >= MAX_MESSAGES}
          data-testid="add-message"
        >
          <PlusIcon size={14} />
          {t('playground.addMessage')}
        </Button>
      </div>
    </div>
  );
}
