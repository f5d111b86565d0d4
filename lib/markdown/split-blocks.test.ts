import { describe, expect, it } from 'vitest';
import { fenceLanguage, splitBlocks } from './split-blocks';

const sample = [
  '# Title',
  '',
  'A paragraph with `code`.',
  '',
  '```ts',
  'const a = 1;',
  '',
  'const b = 2;',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '1. one',
  '',
  '2. two',
  '   continued',
  '',
  '> quote',
].join('\n');

describe('splitBlocks', () => {
  it('splits top-level blocks and keeps a fenced block whole, blank lines included', () => {
    const blocks = splitBlocks(sample);
    expect(blocks.map((b) => b.kind)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'markdown', 'markdown']);
    expect(blocks[2]?.text).toBe('```ts\nconst a = 1;\n\nconst b = 2;\n```');
    expect(blocks[2]?.open).toBe(false);
    expect(fenceLanguage(blocks[2]!)).toBe('ts');
    expect(blocks[4]?.text).toBe('1. one\n\n2. two\n   continued');
    expect(blocks.map((b) => b.key)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  });

  const nested = 'Steps:\n```sh\nls\n```\n- a\n\n  ```js\n  x()\n  ```\n- b\n\n12. twelve\n\nEnd ~~~ here';
  it.each([sample, nested])('gives finished blocks the same key and text at every streaming prefix (%#)', (source) => {
    const full = splitBlocks(source);
    for (let end = 1; end <= source.length; end++) {
      const partial = splitBlocks(source.slice(0, end));
      // Every block but the tail is final.
      for (const block of partial.slice(0, -1)) {
        const final = full.find((b) => b.key === block.key);
        expect(final?.text, `prefix ${end}, ${block.key}`).toBe(block.text);
      }
    }
  });

  it('marks a block whose fence has not closed yet as open', () => {
    const blocks = splitBlocks('Intro\n\n```python\ndef f():\n\n    return 1');
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toMatchObject({ kind: 'code', open: true, key: 'b1' });
    expect(blocks[1]?.text).toBe('```python\ndef f():\n\n    return 1');
    expect(blocks[0]?.open).toBe(false);
  });

  it('closes a fence only with the same marker, at least as long', () => {
    const blocks = splitBlocks('````md\n```js\nx\n```\n````\nafter');
    expect(blocks[0]).toMatchObject({ kind: 'code', open: false, text: '````md\n```js\nx\n```\n````' });
    expect(blocks[1]?.text).toBe('after');
    expect(splitBlocks('~~~\ncode\n```\n')[0]?.open).toBe(true);
  });

  it('starts a code block even when a fence interrupts a paragraph', () => {
    const blocks = splitBlocks('Here it is:\n```js\nlet x;\n```\nDone.');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['markdown', 'Here it is:'],
      ['code', '```js\nlet x;\n```'],
      ['markdown', 'Done.'],
    ]);
  });

  it('keeps a fence nested in a list item inside the list block', () => {
    const source = '1. Install:\n\n   ```bash\n   npm i\n\n   npm test\n   ```\n2. Run it\n\nNext paragraph';
    const blocks = splitBlocks(source);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.kind).toBe('markdown');
    expect(blocks[0]?.text).toContain('npm test');
    expect(blocks[1]?.text).toBe('Next paragraph');
    expect(splitBlocks('- a\n\n  ```sh\n  ls')[0]?.open).toBe(true);
  });

  it('handles empty input, CRLF and trailing blank lines', () => {
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks('\n\n')).toEqual([]);
    expect(splitBlocks('a\r\n\r\nb\n\n').map((b) => b.text)).toEqual(['a', 'b']);
  });

  it('has no language for plain blocks or bare fences', () => {
    expect(fenceLanguage(splitBlocks('text')[0]!)).toBeUndefined();
    expect(fenceLanguage(splitBlocks('```\nx\n```')[0]!)).toBeUndefined();
  });
});
