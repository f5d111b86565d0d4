import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { loadMathPlugins, mayContainMath } from '@/lib/markdown/math';

async function render(text: string) {
  const { remarkPlugins, rehypePlugins } = await loadMathPlugins();
  return renderToStaticMarkup(
    <ReactMarkdown remarkPlugins={[remarkGfm, ...remarkPlugins]} rehypePlugins={rehypePlugins} skipHtml>
      {text}
    </ReactMarkdown>,
  );
}

describe('math', () => {
  it('loads KaTeX only for text that looks like math', () => {
    expect(mayContainMath('Euler: $e^{i\\pi} + 1 = 0$.')).toBe(true);
    expect(mayContainMath('$$\n\\int_0^1 x\\,dx\n$$')).toBe(true);
    expect(mayContainMath('It costs $5 and then $10 more.')).toBe(false);
    expect(mayContainMath('No math here.')).toBe(false);
  });

  it('typesets inline and display math with MathML for screen readers', async () => {
    const html = await render('Inline $a^2 + b^2 = c^2$ and\n\n$$\n\\frac{1}{2}\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<math');
    expect(html).toContain('<mfrac>');
  });

  it('never trusts the formula: no links, no raw HTML, bad input does not throw', async () => {
    const html = await render(
      '$\\href{javascript:alert(1)}{click}$ $\\url{https://evil.example}$ $\\htmlId{x}{y}$ $\\frac{1}{$',
    );
    expect(html).not.toMatch(/<a[\s>]/);
    // The source survives only as text (the MathML annotation), never as an attribute.
    expect(html).not.toContain('href=');
    expect(html).not.toContain('id="x"');
    // Untrusted commands and broken input are shown as an error, in place.
    expect(html).toContain('katex-error');
  });
});
