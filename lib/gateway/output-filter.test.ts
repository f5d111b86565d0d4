import { describe, expect, it } from 'vitest';
import { createWordFilter, parseWordList } from './output-filter';

function run(words: string[], deltas: string[]) {
  let hits = 0;
  const masker = createWordFilter(words).masker((count) => {
    hits += count;
  });
  const shown = deltas.map((delta) => masker.push(delta));
  shown.push(masker.flush());
  return { shown, text: shown.join(''), hits };
}

describe('output word filter', () => {
  it('parses a comma- or newline-separated list', () => {
    expect(parseWordList(' foo, bar\nbaz ,,foo')).toEqual(['foo', 'bar', 'baz']);
    expect(parseWordList(undefined)).toEqual([]);
  });

  it('masks words split across deltas and counts the hits', () => {
    const result = run(['secret', '机密'], ['The sec', 'ret plan is ', '机', '密 and SECRET.']);
    expect(result.text).toBe('The ****** plan is ** and ******.');
    expect(result.hits).toBe(3);
  });

  it('does not hold the answer back: only the last (longest word − 1) characters wait', () => {
    const result = run(['secret'], ['Hello there, this is a long sentence without the word. ', 'More.']);
    expect(result.shown[0]).toBe('Hello there, this is a long sentence without the w'); // 'ord. ' waits
    expect(result.text).toBe('Hello there, this is a long sentence without the word. More.');
    expect(result.hits).toBe(0);
  });

  it('a whole word at the end of a delta waits: it might go on', () => {
    const result = run(['zanzibar'], ['## Re: Is Zanzibar', ' big?']);
    expect(result.shown[0]).toBe('## Re: Is ');
    expect(result.text).toBe('## Re: Is ******** big?');
  });

  it('matches ASCII words as whole words only', () => {
    expect(run(['ass'], ['a class ', 'of ass', 'es and an ass.']).text).toBe('a class of asses and an ***.');
  });

  it('passes everything through with an empty list', () => {
    expect(run([], ['a', 'b']).text).toBe('ab');
  });
});
