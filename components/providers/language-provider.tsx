'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { type Catalog, type Language, languageCookie, languageFromTag } from '@/lib/i18n/language-tags';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { LanguageContext, type LanguageValue } from '@/lib/i18n/use-t';
import { whenHydrated } from '@/lib/stores/hydration';
import { useUiStore } from '@/lib/stores/ui-store';

/**
 * The server picks the first language (cookie, else Accept-Language) so the HTML arrives translated,
 * and passes that language's catalog along, so no catalog is in the JavaScript bundles. After that
 * the person's choice in the ui store wins (its catalog is fetched, and the page switches once it
 * arrives); on a first visit `navigator.language` decides.
 */
export function LanguageProvider({
  initialLanguage,
  initialCatalog,
  children,
}: {
  initialLanguage: Language;
  initialCatalog: Catalog;
  children: ReactNode;
}) {
  const chosen = useUiStore((state) => state.language);
  const wanted = chosen ?? initialLanguage;
  const [value, setValue] = useState<LanguageValue>({ language: initialLanguage, catalog: initialCatalog });

  useEffect(() => {
    if (wanted === value.language) return;
    let current = true;
    void loadCatalog(wanted).then((catalog) => {
      if (current) setValue({ language: wanted, catalog });
    });
    return () => {
      current = false;
    };
  }, [wanted, value.language]);

  useEffect(() => {
    return whenHydrated(useUiStore, (state) => {
      if (state.language === null && !document.cookie.includes(`${languageCookie}=`)) {
        const detected = languageFromTag(navigator.language);
        if (detected !== initialLanguage) useUiStore.getState().setLanguage(detected);
      }
    });
  }, [initialLanguage]);

  useEffect(() => {
    document.documentElement.lang = value.language;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and older Safari
    if (chosen) document.cookie = `${languageCookie}=${chosen}; path=/; max-age=31536000; samesite=lax`;
  }, [value.language, chosen]);

  return <LanguageContext value={value}>{children}</LanguageContext>;
}
