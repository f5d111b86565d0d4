/**
 * A deterministic stand-in for a tokenizer. It is not DeepSeek's BPE: it only has to be stable,
 * cheap, and lossless (the tokens of a text concatenate back to the text) so that streamed pieces,
 * `max_tokens`, usage and the prefix cache all count the same units.
 *
 * A token is one CJK character, or a run of letters/digits, or one other symbol — each with the
 * whitespace before it attached — or trailing whitespace.
 */

const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
// Long words are split every 12 characters so a pasted hash or base64 blob is not "one token".
const tokenPattern = new RegExp(
  `\\s*(?:[${cjk}]|(?:(?![${cjk}])[\\p{L}\\p{N}_]){1,12}|[^\\s\\p{L}\\p{N}_])|\\s+`,
  'gu',
);

export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

export function countTokens(text: string): number {
  let count = 0;
  tokenPattern.lastIndex = 0;
  while (tokenPattern.exec(text) !== null) count++;
  return count;
}

/** Splits tokens into `parts` groups of near-equal size (earlier groups take the remainder). */
export function splitEvenly(tokens: readonly string[], parts: number): string[] {
  if (parts <= 0 || tokens.length === 0) return [];
  const groups = Math.min(parts, tokens.length);
  const base = Math.floor(tokens.length / groups);
  let extra = tokens.length % groups;
  const out: string[] = [];
  let i = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(tokens.slice(i, i + size).join(''));
    i += size;
  }
  return out;
}

/** Groups tokens into pieces of 1–3 tokens, the sizes drawn from `random`, like a model's deltas. */
export function pieces(tokens: readonly string[], random: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const size = 1 + Math.floor(random() * 3);
    out.push(tokens.slice(i, i + size).join(''));
    i += size;
  }
  return out;
}
