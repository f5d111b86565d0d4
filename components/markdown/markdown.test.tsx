import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown', () => {
  it('opens links in a new tab without handing over window.opener', () => {
    const html = render('See [the docs](https://example.com/docs).');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('never renders raw HTML or javascript: links', () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
  });

  it('wraps tables so they scroll on their own and renders GFM task lists', () => {
    const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo');
    expect(html).toMatch(/<div class="table-scroll"[^>]*><table>/);
    expect(html).toContain('type="checkbox"');
  });

  it('shows a code block with its language, plain until its fence closes', () => {
    const closed = render('```python\nprint(1)\n```');
    expect(closed).toContain('data-language="python"');
    expect(closed).toContain('data-complete="true"');
    expect(closed).toContain('print(1)');
    const open = render('Intro\n\n```python\nprint(1)');
    expect(open).toContain('data-complete="false"');
  });

  it('in a list still streaming, only the code block without its closing fence is incomplete', () => {
    const html = render('1. a\n\n   ```sh\n   ls\n   ```\n2. b\n\n   ```js\n   run(');
    expect(html.match(/data-complete="(true|false)"/g)).toEqual(['data-complete="true"', 'data-complete="false"']);
  });
});
