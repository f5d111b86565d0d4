import { type Catalog, en, type MessageKey } from './messages/en';
import { zhCN } from './messages/zh-CN';

export type { Catalog, MessageKey } from './messages/en';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'en';

/** The language's own name, shown in the switch whatever the current language is. */
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export const catalogs: Record<Language, Catalog> = { en, 'zh-CN': zhCN };

/** Cookie that lets the server render the chosen language on the first byte (no flash, no mismatch). */
export const languageCookie = 'ds-lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `zh`, `zh-CN`, `zh-Hans-SG`… → zh-CN; anything else → English. */
export function languageFromTag(tag: string | null | undefined): Language {
  return tag?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : defaultLanguage;
}

/** Picks the preferred supported language from an Accept-Language header. */
export function languageFromAcceptLanguage(header: string | null | undefined): Language {
  if (!header) return defaultLanguage;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return defaultLanguage;
}

export type TranslateVars = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, vars?: TranslateVars): string {
  const template = catalogs[language][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
