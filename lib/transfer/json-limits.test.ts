import { describe, expect, it } from 'vitest';
import { assertJsonDepth, cleanText } from './json-limits';

describe('assertJsonDepth', () => {
  it('accepts ordinary nesting and ignores brackets inside strings', () => {
    expect(() => assertJsonDepth('{"a":[{"b":"[[[[[[[[[["}]}', 3)).not.toThrow();
    expect(() => assertJsonDepth('{"a":"\\"[[[["}', 1)).not.toThrow();
  });

  it('refuses deeper nesting with a typed error', () => {
    expect(() => assertJsonDepth('[[[[]]]]', 3)).toThrowError(expect.objectContaining({ code: 'bad_request:import' }));
  });
});

describe('cleanText', () => {
  it('replaces NUL and lone surrogates, keeps everything else', () => {
    expect(cleanText('a\0b\uD800c 😀')).toBe('a\uFFFDb\uFFFDc 😀');
  });
});
