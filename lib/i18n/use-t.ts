'use client';

import { createContext, useCallback, useContext } from 'react';
import { defaultLanguage, type Language, type MessageKey, type TranslateVars, translate } from './languages';

export const LanguageContext = createContext<Language>(defaultLanguage);

export type TFunction = (key: MessageKey, vars?: TranslateVars) => string;

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** `const t = useT(); t('sidebar.newChat')` — strings come from the current language's catalog. */
export function useT(): TFunction {
  const language = useContext(LanguageContext);
  return useCallback((key, vars) => translate(language, key, vars), [language]);
}
