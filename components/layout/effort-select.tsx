'use client';

import { useEffectiveSettings } from '@/components/chat/use-effective-settings';
import { cn } from '@/components/ui/cn';
import { CheckIcon, ChevronDownIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';
import type { ReasoningEffort } from '@/lib/models/catalog';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';

/** Reasoning effort, shown only while thinking is on and the model offers levels. */
export function EffortSelect() {
  const t = useT();
  const { settings } = useEffectiveSettings();
  const setEffort = useChatSettingsStore((state) => state.setEffort);
  if (!settings?.thinking || settings.efforts.length === 0 || !settings.effort) return null;
  const current = settings.effort;

  return (
    <Popover
      testId="effort-menu"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          data-testid="effort-select"
          aria-label={`${t('header.effort')}: ${t(`effort.${current}`)}`}
          title={t('header.effortTip')}
          className="inline-flex h-8 shrink-0 items-center gap-1 rounded-full px-1.5 text-[13px] sm:px-2 font-medium text-ink-muted transition-colors hover:bg-ink/[0.05] hover:text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
        >
          <span className="hidden text-ink-faint lg:inline">{t('header.effort')}</span>
          <span>{t(`effort.${current}`)}</span>
          <ChevronDownIcon size={13} className="hidden text-ink-faint sm:block" />
        </button>
      )}
    >
      {(close) => (
        <>
          <p className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-ink-faint">{t('header.effortTip')}</p>
          {settings.efforts.map((level: ReasoningEffort) => (
            <MenuItem
              key={level}
              checked={level === current}
              testId={`effort-option-${level}`}
              onSelect={() => {
                setEffort(level);
                close();
              }}
            >
              <span className="flex-1">{t(`effort.${level}`)}</span>
              <CheckIcon size={15} className={cn('text-accent', level !== current && 'invisible')} />
            </MenuItem>
          ))}
        </>
      )}
    </Popover>
  );
}
