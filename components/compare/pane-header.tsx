'use client';

import { Button } from '@/components/ui/button';
import { CopyIcon, DotsIcon, StopIcon, TrashIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import type { EditablePane, ParamName } from '@/lib/compare/panes';
import { paneLetter } from '@/lib/compare/panes';
import { useT } from '@/lib/i18n/use-t';
import type { ModelSpec } from '@/lib/models/catalog';
import { PaneSettings } from './pane-settings';

/** Pane A/B/C/D, its settings (hidden in a blind comparison until the vote) and its actions. */
export function PaneHeader({
  index,
  pane,
  models,
  revealed,
  busy,
  canAdd,
  canRemove,
  onChange,
  onApplyAll,
  onDuplicate,
  onRemove,
  onStop,
  onContinue,
}: {
  index: number;
  pane: EditablePane;
  models: ModelSpec[];
  revealed: boolean;
  busy: boolean;
  canAdd: boolean;
  canRemove: boolean;
  onChange: (pane: EditablePane) => void;
  onApplyAll: (name: ParamName | 'model') => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onStop?: () => void;
  onContinue?: () => void;
}) {
  const t = useT();
  const spec = models.find((model) => model.id === pane.model);
  const letter = paneLetter(index);
  const summary = revealed ? describePane(pane, spec, t) : t('compare.hidden');

  return (
    <header
      className="flex h-11 shrink-0 items-center gap-1.5 border-b border-line/70 px-2.5"
      data-testid="pane-header"
    >
      <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-ink/[0.07] text-xs font-semibold">
        {letter}
      </span>
      {revealed ? (
        <Popover
          kind="dialog"
          testId="pane-settings-popover"
          rootClassName="min-w-0 flex-1"
          trigger={(props) => (
            <button
              type="button"
              {...props}
              data-testid="pane-settings-button"
              title={t('compare.settings.title')}
              className="flex w-full min-w-0 items-center rounded-md px-1.5 py-1 text-left text-[13px] font-medium hover:bg-ink/[0.05] focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
            >
              <span className="truncate" data-testid="pane-label" title={summary}>
                {summary}
              </span>
            </button>
          )}
        >
          {() => <PaneSettings pane={pane} models={models} onChange={onChange} onApplyAll={onApplyAll} />}
        </Popover>
      ) : (
        <span
          className="min-w-0 flex-1 truncate px-1.5 text-[13px] font-medium text-ink-muted"
          data-testid="pane-label"
        >
          {t('compare.paneName', { letter })} · {summary}
        </span>
      )}
      {busy && onStop ? (
        <Button
          variant="ghost"
          size="iconXs"
          aria-label={t('compare.stopPane', { letter })}
          data-testid="pane-stop"
          onClick={onStop}
        >
          <StopIcon size={13} />
        </Button>
      ) : (
        <Popover
          align="end"
          testId="pane-menu"
          trigger={(props) => (
            <Button
              variant="ghost"
              size="iconXs"
              {...props}
              aria-label={t('compare.paneActions', { letter })}
              data-testid="pane-menu-button"
            >
              <DotsIcon size={15} />
            </Button>
          )}
        >
          {(close) => (
            <>
              {onContinue && (
                <MenuItem
                  testId="pane-continue"
                  onSelect={() => {
                    close();
                    onContinue();
                  }}
                >
                  {t('compare.continue')}
                </MenuItem>
              )}
              {canAdd && (
                <MenuItem
                  testId="pane-duplicate"
                  onSelect={() => {
                    close();
                    onDuplicate();
                  }}
                >
                  <CopyIcon size={14} /> {t('compare.duplicate')}
                </MenuItem>
              )}
              {canRemove && (
                <MenuItem
                  testId="pane-remove"
                  onSelect={() => {
                    close();
                    onRemove();
                  }}
                >
                  <TrashIcon size={14} /> {t('compare.remove')}
                </MenuItem>
              )}
            </>
          )}
        </Popover>
      )}
    </header>
  );
}

/** "DeepSeek Flash · thinking high" or "DeepSeek Flash · T 0 · top-p 0.5". */
export function describePane(
  pane: Pick<EditablePane, 'params'> & { model: string },
  spec: ModelSpec | undefined,
  t: ReturnType<typeof useT>,
): string {
  const parts = [spec?.label ?? pane.model];
  const thinking = spec?.thinking.supported ? (pane.params.thinking ?? spec.thinking.defaultEnabled) : false;
  if (thinking)
    parts.push(
      `${t('compare.short.thinking')} ${t(`effort.${pane.params.effort ?? spec?.thinking.defaultEffort ?? 'high'}`)}`,
    );
  else {
    if (spec?.thinking.supported) parts.push(t('compare.short.noThinking'));
    if (pane.params.temperature !== undefined) parts.push(`T ${pane.params.temperature}`);
    if (pane.params.topP !== undefined) parts.push(`top-p ${pane.params.topP}`);
  }
  if (pane.params.maxTokens !== undefined) parts.push(`max ${pane.params.maxTokens}`);
  return parts.join(' · ');
}
