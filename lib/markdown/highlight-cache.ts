import type { HighlightedCode } from './highlighter';

/**
 * Finished code blocks by language + source, so a re-mounted block is never tokenised twice and
 * paints coloured on its first render. Shared by the in-thread highlighter (server, fallback) and
 * the worker client; in the browser it lives on the main thread, whoever tokenised the block.
 */
const cache = new Map<string, HighlightedCode>();
const cacheLimit = 200;

const cacheKey = (id: string, code: string) => `${id}\u0000${code}`;

export function cachedTokens(id: string, code: string): HighlightedCode | undefined {
  return cache.get(cacheKey(id, code));
}

/** Stores a finished block's tokens (evicting the oldest past the limit) and returns them. */
export function rememberTokens(id: string, code: string, lines: HighlightedCode): HighlightedCode {
  if (cache.size >= cacheLimit) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(cacheKey(id, code), lines);
  return lines;
}
