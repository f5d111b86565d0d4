'use client';

import { Button } from '@/components/ui/button';
import { DotsIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { useT } from '@/lib/i18n/use-t';
import { LanguageOptions } from './language-switch';
import { ThemeOptions } from './theme-switch';

/** Phone width: language and theme share one menu so the header fits in 375 px. */
export function DisplayMenu() {
  const t = useT();
  return (
    <Popover
      align="end"
      testId="display-menu"
      className="min-w-[13rem]"
      trigger={(props) => (
        <Button
          variant="ghost"
          size="iconSm"
          {...props}
          aria-label={t('header.more')}
          title={t('header.more')}
          data-testid="display-menu-button"
        >
          <DotsIcon size={18} />
        </Button>
      )}
    >
      {(close) => (
        <>
          <p className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-ink-faint">{t('header.language')}</p>
          <LanguageOptions onDone={close} />
          <hr className="mx-2 my-1 border-line" />
          <p className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-ink-faint">{t('header.theme')}</p>
          <ThemeOptions onDone={close} />
        </>
      )}
    </Popover>
  );
}
