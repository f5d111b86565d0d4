import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown (untrusted answers → safe HTML)', () => {
  it('drops raw HTML, event handlers and javascript: links', async () => {
    const html = await renderMarkdown(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror="alert(2)">',
        '[a](javascript:alert(3)) [b](JAVASCRIPT:alert(4)) [c](data:text/html,<script>alert(5)</script>)',
        '<a href="javascript:alert(6)">raw</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|data:text/i);
    expect(html).toContain('<a rel="noopener noreferrer nofollow ugc" target="_blank">a</a>');
  });

  it('shows images as links instead of loading them', async () => {
    const html = await renderMarkdown('![pixel](https://tracker.example/p.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://tracker.example/p.png"');
    expect(html).toContain('[image: pixel]');
  });

  it('highlights fenced code with the shared shiki themes and keeps tables scrollable', async () => {
    const html = await renderMarkdown('```ts\nconst a: number = 1;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<pre class="shiki" data-highlighted="true">');
    expect(html).toMatch(/style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}"/i);
    expect(html).toContain('<div class="table-scroll"><table>');
  });

  it('leaves unknown languages as escaped plain text', async () => {
    const html = await renderMarkdown('```brainfuck\n<b>++</b>\n```');
    expect(html).toContain('data-highlighted="false"');
    expect(html).toContain('&#x3C;b>++&#x3C;/b>');
  });
});
