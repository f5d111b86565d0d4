/**
 * Language tags and detection, without any message catalog: client code imports this module, so the
 * catalogs stay out of its bundles (the active one arrives from the server, others load on demand).
 */
export type { Catalog, MessageKey } from './messages/en';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'en';

/** The language's own name, shown in the switch whatever the current language is. */
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

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

/** Fills `{name}` placeholders; unknown names stay as written. */
export function fillTemplate(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
