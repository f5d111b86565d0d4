'use client';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CheckIcon, GlobeIcon } from '@/components/ui/icons';
import { MenuItem, Popover } from '@/components/ui/popover';
import { languageNames, languages } from '@/lib/i18n/language-tags';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { useUiStore } from '@/lib/stores/ui-store';

export function LanguageSwitch() {
  const t = useT();
  const current = useLanguage();

  return (
    <Popover
      align="end"
      testId="language-menu"
      trigger={(props) => (
        <Button
          variant="ghost"
          size="iconSm"
          {...props}
          aria-label={`${t('header.language')}: ${languageNames[current]}`}
          title={t('header.language')}
          data-testid="language-switch"
        >
          <GlobeIcon size={17} />
        </Button>
      )}
    >
      {(close) => <LanguageOptions onDone={close} />}
    </Popover>
  );
}

/** The language choices, also used inside the phone header's combined menu. */
export function LanguageOptions({ onDone }: { onDone: () => void }) {
  const current = useLanguage();
  const setLanguage = useUiStore((state) => state.setLanguage);
  return languages.map((language) => (
    <MenuItem
      key={language}
      checked={language === current}
      testId={`language-option-${language}`}
      onSelect={() => {
        setLanguage(language);
        onDone();
      }}
    >
      <span lang={language} className="flex-1">
        {languageNames[language]}
      </span>
      <CheckIcon size={15} className={cn('text-accent', language !== current && 'invisible')} />
    </MenuItem>
  ));
}
