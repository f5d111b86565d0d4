import { type HighlightedCode, tokenize } from './highlighter';
import { resolveLanguage } from './languages';

/** Past this many lines a still-streaming block stays plain until its fence closes. */
export const progressiveLineLimit = 400;

/** A streaming code block's complete lines, highlighted; `source` is the text they cover. */
export interface StreamingHighlight {
  source: string;
  lines: HighlightedCode;
}

/**
 * What a progressive pass would highlight: the shiki id and the block's complete lines (without
 * the last newline), or undefined when it stays plain (plain-text language, no complete line yet,
 * past the limit). Cheap and synchronous, so the worker client checks it before posting anything.
 */
export function streamingSource(code: string, lang: string | undefined): { id: string; source: string } | undefined {
  const id = resolveLanguage(lang);
  const end = code.lastIndexOf('\n');
  if (!id || end < 0) return undefined;
  const source = code.slice(0, end);
  return source.split('\n').length > progressiveLineLimit ? undefined : { id, source };
}

/**
 * Highlights the complete lines of a code block that is still streaming (the unfinished last line
 * stays plain). Not cached: the block's final highlight (`highlightCode`) is. Callers run it only
 * when a new line has completed, one pass at a time, so a block costs one pass per line at most.
 * Resuming from shiki's grammar state would make each pass incremental, but in shiki 4.6 a saved
 * state is invalidated by tokenising the other theme (see progressive-highlight.test.ts).
 * Undefined for languages shown as plain text and for very long blocks.
 */
export async function highlightStreaming(
  code: string,
  lang: string | undefined,
): Promise<StreamingHighlight | undefined> {
  const open = streamingSource(code, lang);
  if (!open) return undefined;
  return { source: `${open.source}\n`, lines: await tokenize(open.source, open.id) };
}
