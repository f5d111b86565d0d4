import type { WordFilter, WordMasker } from '@/lib/gateway/output-filter';

type Field = 'content' | 'reasoning_content' | 'reasoning';
const fields: Field[] = ['content', 'reasoning_content', 'reasoning'];

interface Chunk {
  choices?: { delta?: Partial<Record<Field, string | null>>; finish_reason?: string | null }[];
}

/**
 * The output word filter over the playground's raw SSE `data:` payloads (OUTPUT_FILTER_WORDS):
 * each text field of a delta goes through its own masker, and what a masker still holds (a word
 * may arrive split) is released on the chunk that carries the finish reason. Without a word list
 * the payload passes untouched — the exact bytes; with one, a chunk with text is re-serialised.
 */
export function createSseWordFilter(filter: WordFilter, onFlag: () => void): (data: string) => string {
  if (!filter.enabled) return (data) => data;
  const maskers = new Map<Field, WordMasker>();
  const maskerFor = (field: Field) => {
    let masker = maskers.get(field);
    if (!masker) {
      masker = filter.masker(onFlag);
      maskers.set(field, masker);
    }
    return masker;
  };
  return (data) => {
    if (data === '[DONE]') return data;
    let chunk: Chunk;
    try {
      chunk = JSON.parse(data) as Chunk;
    } catch {
      return data;
    }
    const choice = chunk.choices?.[0];
    if (!choice) return data;
    const delta = choice.delta ?? {};
    let changed = false;
    for (const field of fields) {
      const text = delta[field];
      if (typeof text === 'string' && text !== '') {
        delta[field] = maskerFor(field).push(text);
        changed = true;
      }
    }
    if (choice.finish_reason) {
      for (const [field, masker] of maskers) {
        const rest = masker.flush();
        if (rest) {
          delta[field] = (delta[field] ?? '') + rest;
          changed = true;
        }
      }
      maskers.clear();
    }
    if (!changed) return data;
    choice.delta = delta;
    return JSON.stringify(chunk);
  };
}
