'use client';

import { useEffectiveSettings } from '@/components/chat/use-effective-settings';
import { cn } from '@/components/ui/cn';
import { BrainIcon, CheckIcon, ChevronDownIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { formatCompact } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';

/** Lists the models the server's registry offers; nothing here knows a model id. */
export function ModelPicker() {
  const t = useT();
  const language = useLanguage();
  const { models, settings } = useEffectiveSettings();
  const setModel = useChatSettingsStore((state) => state.setModel);

  const label = settings?.model.label ?? (models.isError ? t('header.modelError') : t('header.modelLoading'));

  return (
    <Popover
      kind="listbox"
      testId="model-menu"
      rootClassName="min-w-0"
      className="w-[min(22rem,calc(100vw-1.5rem))]"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          data-testid="model-picker"
          aria-label={`${t('header.model')}: ${label}`}
          disabled={!models.data}
          className="flex h-9 min-w-0 max-w-full items-center gap-1 rounded-lg px-2 sm:max-w-[16rem] sm:gap-1.5 sm:px-2.5 text-[15px] font-semibold tracking-tight text-ink transition-colors hover:bg-ink/[0.06] focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 disabled:opacity-60 sm:max-w-none"
        >
          <span className="truncate" data-testid="model-picker-label">
            {label}
          </span>
          <ChevronDownIcon size={15} className="shrink-0 text-ink-faint" />
        </button>
      )}
    >
      {(close) => (
        <>
          <p className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-ink-faint">{t('header.chooseModel')}</p>
          {models.data?.models.map((model) => {
            const selected = model.id === settings?.model.id;
            return (
              <MenuItem
                key={model.id}
                role="option"
                checked={selected}
                testId={`model-option-${model.id}`}
                className="items-start py-2.5"
                onSelect={() => {
                  setModel(model.id);
                  close();
                }}
              >
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{model.label}</span>
                  {model.description && (
                    <span className="mt-0.5 block text-xs leading-snug text-ink-muted">{model.description}</span>
                  )}
                  <span className="mt-1.5 flex flex-wrap gap-1 text-[11px] text-ink-faint">
                    <Chip>{t('header.contextWindow', { tokens: formatCompact(model.contextWindow, language) })}</Chip>
                    {model.thinking.supported && (
                      <Chip>
                        <BrainIcon size={11} /> {t('header.thinking')}
                      </Chip>
                    )}
                    {model.vision && <Chip>{t('header.vision')}</Chip>}
                  </span>
                </span>
                <CheckIcon size={16} className={cn('mt-0.5 shrink-0 text-accent', !selected && 'invisible')} />
              </MenuItem>
            );
          })}
        </>
      )}
    </Popover>
  );
}

function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-md border border-line px-1.5 py-px leading-4">
      {children}
    </span>
  );
}
