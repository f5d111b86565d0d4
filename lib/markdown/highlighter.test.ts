import { describe, expect, it } from 'vitest';
import { cachedHighlight, highlightCode } from './highlighter';
import { resolveLanguage } from './languages';

describe('highlighter', () => {
  it('resolves the names models write after ``` to grammars we load', () => {
    expect(resolveLanguage('ts')).toBe('typescript');
    expect(resolveLanguage('Python')).toBe('python');
    expect(resolveLanguage('sh')).toBe('bash');
    expect(resolveLanguage('c++')).toBe('cpp');
    expect(resolveLanguage('klingon')).toBeUndefined();
    expect(resolveLanguage(undefined)).toBeUndefined();
  });

  it('tokenises with light and dark colours and caches the finished block', async () => {
    const code = 'def add(a, b):\n    return a + b';
    expect(cachedHighlight(code, 'py')).toBeUndefined();
    const lines = await highlightCode(code, 'py');
    expect(lines).toHaveLength(2);
    expect(
      lines
        ?.flat()
        .map((token) => token.content)
        .join(''),
    ).toBe(code.replace('\n', ''));
    const keyword = lines?.[0]?.find((token) => token.content === 'def');
    expect(keyword?.style?.['--shiki-light']).toMatch(/^#/);
    expect(keyword?.style?.['--shiki-dark']).toMatch(/^#/);
    // The same block again (another alias of the same language) comes from the cache, same object.
    expect(cachedHighlight(code, 'python')).toBe(lines);
    expect(await highlightCode(code, 'python')).toBe(lines);
  });

  it('leaves unknown languages plain', async () => {
    expect(await highlightCode('hello', 'klingon')).toBeUndefined();
    expect(await highlightCode('hello', undefined)).toBeUndefined();
  });
});
