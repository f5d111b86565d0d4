'use client';

import type { Element, ElementContent } from 'hast';
import { memo, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './code-block';

const remarkPlugins = [remarkGfm];

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

/**
 * Element overrides. `openFrom` is the source offset from which code is still streaming: a code
 * block reaching it has no closing fence yet (-1 when the block is finished).
 */
function makeComponents(openFrom: number): Components {
  return {
    pre({ node }) {
      const code = node?.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      const source = code ? textOf(code).replace(/\n$/, '') : '';
      const end = node?.position?.end.offset ?? 0;
      return <CodeBlock code={source} lang={languageOf(code)} complete={openFrom < 0 || end < openFrom} />;
    },
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
}

const finishedComponents = makeComponents(-1);

/** One top-level markdown block; memoised by its source so finished blocks never re-render. */
export const MarkdownBlock = memo(function MarkdownBlock({ text, open }: { text: string; open: boolean }) {
  // An open block ends inside an unclosed fence: code ending at the end of the source is still arriving.
  const components = useMemo(() => (open ? makeComponents(text.length) : finishedComponents), [open, text.length]);
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={components} skipHtml>
      {text}
    </ReactMarkdown>
  );
});
