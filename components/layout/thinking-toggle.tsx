'use client';

import { useEffectiveSettings } from '@/components/chat/use-effective-settings';
import { cn } from '@/components/ui/cn';
import { BrainIcon } from '@/components/ui/icons';
import { Tooltip } from '@/components/ui/tooltip';
import { useT } from '@/lib/i18n/use-t';
import { useChatSettingsStore } from '@/lib/stores/chat-settings-store';

/** Thinking on/off for the chosen model; disabled (with the reason in a tooltip) when it cannot think. */
export function ThinkingToggle() {
  const t = useT();
  const { settings } = useEffectiveSettings();
  const setThinking = useChatSettingsStore((state) => state.setThinking);
  if (!settings) return null;

  const { thinkingSupported, thinking, model } = settings;
  const tip = thinkingSupported ? t('header.thinkingTip') : t('header.thinkingUnsupported', { model: model.label });

  return (
    <Tooltip content={tip} testId="thinking-tooltip" className="shrink-0">
      {(describedBy) => (
        <button
          type="button"
          role="switch"
          aria-checked={thinking}
          aria-describedby={describedBy}
          aria-label={t('header.thinking')}
          data-testid="thinking-toggle"
          disabled={!thinkingSupported}
          onClick={() => setThinking(!thinking)}
          className={cn(
            'inline-flex h-8 items-center gap-1.5 rounded-full border px-2 text-[13px] font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 disabled:cursor-not-allowed disabled:opacity-45 sm:px-2.5',
            thinking
              ? 'border-accent/30 bg-accent-soft text-accent'
              : 'border-line text-ink-muted hover:bg-ink/[0.05] hover:text-ink',
          )}
        >
          <BrainIcon size={15} />
          <span className="hidden sm:inline">{t('header.thinking')}</span>
        </button>
      )}
    </Tooltip>
  );
}
