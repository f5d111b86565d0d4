import 'server-only';
import { env } from '@/lib/env';
import { mergeRedactions, type Redaction, redactText } from './pii';

/**
 * PII redaction for the routes that send plain texts (playground messages and system prompt, the
 * vision question): with PII_REDACTION=true each text comes back with its PII replaced, plus what
 * was replaced in all of them together. Off: the texts as they were.
 */
export function redactTexts<T extends readonly string[]>(texts: T): { texts: string[]; redactions: Redaction[] } {
  if (!env.PII_REDACTION) return { texts: [...texts], redactions: [] };
  const found: Redaction[][] = [];
  const out = texts.map((text) => {
    const result = redactText(text);
    found.push(result.redactions);
    return result.text;
  });
  return { texts: out, redactions: mergeRedactions(found) };
}

export function countRedactions(redactions: readonly Redaction[]): number {
  return redactions.reduce((sum, { count }) => sum + count, 0);
}
