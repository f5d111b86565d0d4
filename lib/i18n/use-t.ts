'use client';

import { createContext, useCallback, useContext } from 'react';
import {
  type Catalog,
  defaultLanguage,
  fillTemplate,
  type Language,
  type MessageKey,
  type TranslateVars,
} from './language-tags';

/** The current language and its catalog (given by `LanguageProvider`; the catalog is not bundled). */
export interface LanguageValue {
  language: Language;
  catalog: Catalog;
}

export const LanguageContext = createContext<LanguageValue>({ language: defaultLanguage, catalog: {} as Catalog });

export type TFunction = (key: MessageKey, vars?: TranslateVars) => string;

export function useLanguage(): Language {
  return useContext(LanguageContext).language;
}

/** `const t = useT(); t('sidebar.newChat')` — strings come from the current language's catalog. */
export function useT(): TFunction {
  const { catalog } = useContext(LanguageContext);
  return useCallback((key, vars) => fillTemplate(catalog[key] ?? key, vars), [catalog]);
}
