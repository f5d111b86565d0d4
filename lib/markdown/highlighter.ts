import type { HighlighterCore, ThemedToken } from 'shiki/core';
import { cachedTokens, rememberTokens } from './highlight-cache';
import { languageLoader, resolveLanguage } from './languages';

/** One highlighted token: its text and the light/dark colours as CSS custom properties. */
export interface HighlightToken {
  content: string;
  style?: Record<string, string>;
}
export type HighlightedCode = HighlightToken[][];

export const themes = { light: 'github-light', dark: 'github-dark' } as const;

let highlighter: Promise<HighlighterCore> | undefined;
const loadingLanguages = new Map<string, Promise<void>>();

/**
 * The one shared highlighter, created on first use. Shiki (core + JS regex engine, no wasm) is
 * imported dynamically here, so it is not part of the initial bundle.
 */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
  })();
  return highlighter;
}

export async function ensureLanguage(core: HighlighterCore, id: string): Promise<void> {
  if (core.getLoadedLanguages().includes(id)) return;
  let loading = loadingLanguages.get(id);
  if (!loading) {
    const load = languageLoader(id);
    if (!load) return;
    loading = load().then((module) => core.loadLanguage(module.default));
    loadingLanguages.set(id, loading);
  }
  await loading;
}

/** Synchronous cache lookup, so a block highlighted before renders coloured on its first paint. */
export function cachedHighlight(code: string, lang: string | undefined): HighlightedCode | undefined {
  const id = resolveLanguage(lang);
  return id ? cachedTokens(id, code) : undefined;
}

/** Tokens for a finished code block, or undefined for languages we show as plain text. */
export async function highlightCode(code: string, lang: string | undefined): Promise<HighlightedCode | undefined> {
  const id = resolveLanguage(lang);
  if (!id) return undefined;
  return cachedTokens(id, code) ?? rememberTokens(id, code, await tokenize(code, id));
}

/** Tokenises with the shared highlighter, loading the grammar first; `id` is a resolved shiki id. Not cached. */
export async function tokenize(code: string, id: string): Promise<HighlightedCode> {
  const core = await getHighlighter();
  await ensureLanguage(core, id);
  const { tokens } = core.codeToTokens(code, { lang: id, themes, defaultColor: false });
  return tokens.map((line) => line.map(toToken));
}

export function toToken(token: ThemedToken): HighlightToken {
  return token.htmlStyle ? { content: token.content, style: token.htmlStyle } : { content: token.content };
}
