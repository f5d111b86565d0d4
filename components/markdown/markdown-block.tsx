'use client';

import type { Element, ElementContent } from 'hast';
import { createContext, memo, useContext, useEffect, useState } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { loadMathPlugins, type MathPlugins, mayContainMath } from '@/lib/markdown/math';
import { CodeBlock } from './code-block';
import { MermaidDiagram } from './mermaid-diagram';

const remarkPlugins: PluggableList = [remarkGfm];

/**
 * The source offset from which code is still streaming (-1 when the block is finished): a code
 * block that reaches it has no closing fence yet. A context, not a prop of `components`, so the
 * element overrides stay the same functions and React never remounts a code block.
 */
const OpenFromContext = createContext(-1);

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function languageOf(code: Element | undefined): string | undefined {
  const classes = code?.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  const match = list.map(String).find((name) => name.startsWith('language-'));
  return match?.slice('language-'.length);
}

function Pre({ node }: { node?: Element }) {
  const openFrom = useContext(OpenFromContext);
  const code = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const source = code ? textOf(code).replace(/\n$/, '') : '';
  const end = node?.position?.end.offset ?? 0;
  const lang = languageOf(code);
  const complete = openFrom < 0 || end < openFrom;
  if (lang === 'mermaid' && complete) return <MermaidDiagram code={source} />;
  return <CodeBlock code={source} lang={lang} complete={complete} />;
}

const components: Components = {
  pre: Pre,
  a({ node: _node, href, children, ...props }) {
    return (
      <a {...props} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  table({ node: _node, children, ...props }) {
    return (
      <div className="table-scroll" data-testid="markdown-table">
        <table {...props}>{children}</table>
      </div>
    );
  },
};

let mathPlugins: MathPlugins | undefined;

/** KaTeX and its stylesheet, fetched the first time a block looks like it holds math. */
function useMathPlugins(needed: boolean): MathPlugins | undefined {
  const [plugins, setPlugins] = useState(mathPlugins);
  useEffect(() => {
    if (!needed || plugins) return;
    let cancelled = false;
    Promise.all([loadMathPlugins(), import('katex/dist/katex.min.css')])
      .then(([loaded]) => {
        mathPlugins = {
          remarkPlugins: [...remarkPlugins, ...loaded.remarkPlugins],
          rehypePlugins: loaded.rehypePlugins,
        };
        if (!cancelled) setPlugins(mathPlugins);
      })
      .catch((error: unknown) => console.warn('math renderer failed to load', error));
    return () => {
      cancelled = true;
    };
  }, [needed, plugins]);
  return needed ? plugins : undefined;
}

/** One top-level markdown block; memoised by its source so finished blocks never render again. */
export const MarkdownBlock = memo(function MarkdownBlock({ text, open }: { text: string; open: boolean }) {
  const math = useMathPlugins(mayContainMath(text));
  return (
    <OpenFromContext value={open ? text.length : -1}>
      <ReactMarkdown
        remarkPlugins={math?.remarkPlugins ?? remarkPlugins}
        rehypePlugins={math?.rehypePlugins}
        components={components}
        skipHtml
      >
        {text}
      </ReactMarkdown>
    </OpenFromContext>
  );
});
