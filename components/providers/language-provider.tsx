'use client';

import { type ReactNode, useEffect } from 'react';
import { type Language, languageCookie, languageFromTag } from '@/lib/i18n/languages';
import { LanguageContext } from '@/lib/i18n/use-t';
import { whenHydrated } from '@/lib/stores/hydration';
import { useUiStore } from '@/lib/stores/ui-store';

/**
 * The server picks the first language (cookie, else Accept-Language) so the HTML arrives translated.
 * After that the person's choice in the ui store wins; on a first visit `navigator.language` decides.
 */
export function LanguageProvider({ initialLanguage, children }: { initialLanguage: Language; children: ReactNode }) {
  const chosen = useUiStore((state) => state.language);
  const language = chosen ?? initialLanguage;

  useEffect(() => {
    return whenHydrated(useUiStore, (state) => {
      if (state.language === null && !document.cookie.includes(`${languageCookie}=`)) {
        const detected = languageFromTag(navigator.language);
        if (detected !== initialLanguage) useUiStore.getState().setLanguage(detected);
      }
    });
  }, [initialLanguage]);

  useEffect(() => {
    document.documentElement.lang = language;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and older Safari
    if (chosen) document.cookie = `${languageCookie}=${chosen}; path=/; max-age=31536000; samesite=lax`;
  }, [language, chosen]);

  return <LanguageContext value={language}>{children}</LanguageContext>;
}
