import type { LanguageModelMiddleware } from 'ai';

/**
 * The output word filter (OUTPUT_FILTER_WORDS): listed words are masked in the answer while it
 * streams, without holding the answer back — only the last (longest word − 1) characters of each
 * text or reasoning block wait for the next delta, because a word may arrive split across deltas.
 * Matching ignores case; a word that starts or ends with a letter or digit only matches as a whole
 * word ("ass" does not match inside "class"), others (Chinese) match anywhere.
 */

export function parseWordList(raw: string | undefined): string[] {
  if (!raw) return [];
  const words = raw
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0 && word.length <= 100);
  return [...new Set(words)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alnum = /[\p{L}\p{N}]/u;
const asciiAlnum = /[A-Za-z0-9]/;

export interface WordMasker {
  /** Feed a delta; returns what may be shown now. */
  push(delta: string): string;
  /** The block ended: the rest. */
  flush(): string;
}

export function createWordFilter(words: string[]) {
  const longest = Math.max(0, ...words.map((word) => word.length));
  const pattern =
    words.length === 0
      ? undefined
      : new RegExp(
          words
            .sort((a, b) => b.length - a.length)
            .map((word) => {
              const head = asciiAlnum.test(word[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
              const tail = asciiAlnum.test(word.at(-1)!) ? '(?![\\p{L}\\p{N}])' : '';
              return `${head}${escapeRegExp(word)}${tail}`;
            })
            .join('|'),
          'giu',
        );

  /** Masks complete occurrences; with `final` false, one touching the end may still grow and waits. */
  const mask = (text: string, final: boolean): { text: string; hits: number; waitFrom: number } => {
    if (!pattern) return { text, hits: 0, waitFrom: text.length };
    let hits = 0;
    let waitFrom = text.length;
    const out = text.replace(pattern, (match, offset: number) => {
      const end = offset + match.length;
      if (!final && end === text.length && alnum.test(match.at(-1)!)) {
        waitFrom = offset; // same length after masking: offsets before it are unchanged
        return match;
      }
      hits++;
      return '*'.repeat(match.length);
    });
    return { text: out, hits, waitFrom };
  };

  return {
    enabled: pattern !== undefined,
    masker(onHit: (count: number) => void): WordMasker {
      let held = '';
      return {
        push(delta) {
          if (!pattern) return delta;
          const masked = mask(held + delta, false);
          if (masked.hits > 0) onHit(masked.hits);
          const keep = Math.min(masked.text.length, Math.max(longest - 1, masked.text.length - masked.waitFrom));
          held = masked.text.slice(masked.text.length - keep);
          return masked.text.slice(0, masked.text.length - keep);
        },
        flush() {
          const masked = mask(held, true);
          held = '';
          if (masked.hits > 0) onHit(masked.hits);
          return masked.text;
        },
      };
    },
  };
}

export type WordFilter = ReturnType<typeof createWordFilter>;

/** Applies the filter to every text and reasoning block of a streamed call. */
export function outputFilterMiddleware(filter: WordFilter, onFlag: (hits: number) => void): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      const result = await doStream();
      if (!filter.enabled) return result;
      const maskers = new Map<string, WordMasker>();
      const maskerFor = (id: string) => {
        let masker = maskers.get(id);
        if (!masker) {
          masker = filter.masker(onFlag);
          maskers.set(id, masker);
        }
        return masker;
      };
      type Part = Awaited<ReturnType<typeof doStream>>['stream'] extends ReadableStream<infer P> ? P : never;
      const stream = result.stream.pipeThrough(
        new TransformStream<Part, Part>({
          transform(part, controller) {
            if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
              const delta = maskerFor(part.id).push(part.delta);
              if (delta) controller.enqueue({ ...part, delta });
              return;
            }
            if (part.type === 'text-end' || part.type === 'reasoning-end') {
              const rest = maskers.get(part.id)?.flush();
              maskers.delete(part.id);
              if (rest) {
                controller.enqueue({
                  type: part.type === 'text-end' ? 'text-delta' : 'reasoning-delta',
                  id: part.id,
                  delta: rest,
                });
              }
            }
            controller.enqueue(part);
          },
          flush(controller) {
            // A block without an end (the stream broke): show what was held, masked.
            for (const [id, masker] of maskers) {
              const rest = masker.flush();
              if (rest) controller.enqueue({ type: 'text-delta', id, delta: rest });
            }
          },
        }),
      );
      return { ...result, stream };
    },
  };
}
