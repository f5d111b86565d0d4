import type { Catalog, Language } from './language-tags';

/** Fetches a language's catalog as its own chunk (when someone switches to a language the page was not rendered in). */
export async function loadCatalog(language: Language): Promise<Catalog> {
  if (language === 'zh-CN') return (await import('./messages/zh-CN')).zhCN;
  return (await import('./messages/en')).en;
}
