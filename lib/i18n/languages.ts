import { fillTemplate, type Language, type TranslateVars } from './language-tags';
import { type Catalog, en, type MessageKey } from './messages/en';
import { zhCN } from './messages/zh-CN';

export * from './language-tags';

/** Every catalog, for the server and tests; client code gets its catalog via `LanguageProvider`. */
export const catalogs: Record<Language, Catalog> = { en, 'zh-CN': zhCN };

export function translate(language: Language, key: MessageKey, vars?: TranslateVars): string {
  return fillTemplate(catalogs[language][key] ?? en[key], vars);
}
