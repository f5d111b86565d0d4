'use client';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CheckIcon, MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';
import { type ThemePreference, useUiStore } from '@/lib/stores/ui-store';

const options: { value: ThemePreference; Icon: typeof SunIcon }[] = [
  { value: 'light', Icon: SunIcon },
  { value: 'dark', Icon: MoonIcon },
  { value: 'system', Icon: MonitorIcon },
];

export function ThemeIcon({ size = 17 }: { size?: number }) {
  const theme = useUiStore((state) => state.theme);
  const Current = options.find((option) => option.value === theme)?.Icon ?? MonitorIcon;
  return <Current size={size} />;
}

export function ThemeSwitch() {
  const t = useT();
  const theme = useUiStore((state) => state.theme);

  return (
    <Popover
      align="end"
      testId="theme-menu"
      trigger={(props) => (
        <Button
          variant="ghost"
          size="iconSm"
          {...props}
          aria-label={`${t('header.theme')}: ${t(`theme.${theme}`)}`}
          title={t('header.theme')}
          data-testid="theme-switch"
        >
          <ThemeIcon />
        </Button>
      )}
    >
      {(close) => <ThemeOptions onDone={close} />}
    </Popover>
  );
}

/** The theme choices, also used inside the phone header's combined menu. */
export function ThemeOptions({ onDone }: { onDone: () => void }) {
  const t = useT();
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  return options.map(({ value, Icon }) => (
    <MenuItem
      key={value}
      checked={value === theme}
      testId={`theme-option-${value}`}
      onSelect={() => {
        setTheme(value);
        onDone();
      }}
    >
      <Icon size={16} className="text-ink-muted" />
      <span className="flex-1">{t(`theme.${value}`)}</span>
      <CheckIcon size={15} className={cn('text-accent', value !== theme && 'invisible')} />
    </MenuItem>
  ));
}
