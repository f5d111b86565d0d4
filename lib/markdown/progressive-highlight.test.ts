import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlighter';
import { highlightStreaming, progressiveLineLimit } from './progressive-highlight';

type Line = { content: string; style?: Record<string, string> }[];
const text = (lines: Line[]) => lines.map((line) => line.map((token) => token.content).join(''));
/** One entry a character: the colours it is painted with. */
const colours = (line: Line | undefined) =>
  (line ?? []).flatMap((token) => [...token.content].map(() => JSON.stringify(token.style ?? {})));

describe('highlightStreaming', () => {
  it('highlights the complete lines of an open block, in the colours of the finished block', async () => {
    const partial = await highlightStreaming('const a = `one\ntwo`;\nconst b = 2;\ncon', 'ts');
    expect(partial && text(partial.lines)).toEqual(['const a = `one', 'two`;', 'const b = 2;']);
    expect(partial?.source).toBe('const a = `one\ntwo`;\nconst b = 2;\n');
    const finished = await highlightCode('const a = `one\ntwo`;\nconst b = 2;\nconst c = 3;', 'ts');
    // The second line is still inside the template string (string colour), as in the finished block.
    const dark = (line: Line | undefined) => colours(line).map((style) => JSON.parse(style)['--shiki-dark']);
    expect(dark(partial?.lines[1])).toEqual(dark(finished?.[1]));
    expect(colours(partial?.lines[1]).every((style) => style.includes('--shiki-light'))).toBe(true);
  });

  it('leaves a block plain before its first line completes, for plain languages and past the limit', async () => {
    expect(await highlightStreaming('print(1', 'python')).toBeUndefined();
    expect(await highlightStreaming('hello\nworld', 'klingon')).toBeUndefined();
    const long = `${'x = 1\n'.repeat(progressiveLineLimit + 1)}y`;
    expect(await highlightStreaming(long, 'python')).toBeUndefined();
  });
});
