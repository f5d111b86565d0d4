import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { countTokens, pieces, splitEvenly, tokenize } from './tokens';

describe('tokenize', () => {
  it('is lossless on mixed text', () => {
    const text = 'Hello, world!\n\n```ts\nconst x = 1;\n```\n你好，世界 — émoji 🎉 end  ';
    expect(tokenize(text).join('')).toBe(text);
  });

  it('attaches leading whitespace to words and splits punctuation', () => {
    expect(tokenize('Hello, big world!')).toEqual(['Hello', ',', ' big', ' world', '!']);
  });

  it('counts each CJK character as one token', () => {
    expect(countTokens('你好世界')).toBe(4);
    expect(tokenize('abc中文')).toEqual(['abc', '中', '文']);
  });

  it('splits very long words so a blob is not a single token', () => {
    expect(countTokens('a'.repeat(36))).toBe(3);
  });

  it('agrees with countTokens', () => {
    const text = 'One two, three: 四五六 seven!';
    expect(countTokens(text)).toBe(tokenize(text).length);
  });
});

describe('splitting into deltas', () => {
  it('splitEvenly makes exactly the requested number of groups and loses nothing', () => {
    const tokens = tokenize('one two three four five six seven eight nine ten');
    const groups = splitEvenly(tokens, 4);
    expect(groups).toHaveLength(4);
    expect(groups.join('')).toBe(tokens.join(''));
  });

  it('pieces groups 1–3 tokens and loses nothing', () => {
    const tokens = tokenize('a b c d e f g h i j k l m n o p');
    const out = pieces(tokens, createRandom(7));
    expect(out.join('')).toBe(tokens.join(''));
    for (const piece of out) expect(countTokens(piece)).toBeLessThanOrEqual(3);
  });
});
