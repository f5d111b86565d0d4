import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { highlightCode } from '@/lib/markdown/highlighter';

/**
 * Untrusted markdown (a model's answer) → HTML that is safe to put in a page, for the share page
 * and the HTML export. The same rules as the chat view: raw HTML in the markdown is dropped
 * (remark-rehype without `allowDangerousHtml`), the tree is then sanitized (GitHub's allow-list:
 * no `javascript:`/`data:` links, no event handlers, no `style`), images are not loaded (shown as a
 * link with their alt text: a remote image would tell its host who read the page), links open in a
 * new tab without a referrer, and fenced code is highlighted by the app's one shiki highlighter
 * (lib/markdown, same languages and themes as the chat, colours as CSS variables for light/dark).
 */

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

export async function renderMarkdown(markdown: string): Promise<string> {
  const tree = (await processor.run(processor.parse(markdown))) as Root;
  await transform(tree);
  return toHtml(tree);
}

async function transform(node: Root | Element): Promise<void> {
  for (const [index, child] of node.children.entries()) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre') {
      node.children[index] = await codeBlock(child);
      continue;
    }
    if (child.tagName === 'img') {
      node.children[index] = imageAsLink(child);
      continue;
    }
    if (child.tagName === 'a') {
      child.properties = { ...child.properties, rel: ['noopener', 'noreferrer', 'nofollow', 'ugc'], target: '_blank' };
    }
    if (child.tagName === 'table') {
      node.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'] },
        children: [child],
      };
    }
    await transform(child);
  }
}

function textContent(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textContent).join('');
  return '';
}

async function codeBlock(pre: Element): Promise<Element> {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const source = (code ? textContent(code) : textContent(pre)).replace(/\n$/, '');
  const classes = (code?.properties.className as string[] | undefined) ?? [];
  const lang = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
  const tokens = await highlightCode(source, lang).catch(() => undefined);
  const lines: ElementContent[] = tokens
    ? tokens.flatMap((line, index) => {
        const spans: ElementContent[] = line.map((token) => ({
          type: 'element',
          tagName: 'span',
          properties: token.style ? { style: styleText(token.style) } : {},
          children: [{ type: 'text', value: token.content }],
        }));
        const lineSpan: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['line'] },
          children: spans,
        };
        return index < tokens.length - 1 ? [lineSpan, { type: 'text', value: '\n' }] : [lineSpan];
      })
    : [{ type: 'text', value: source }];
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['code-block'], dataLanguage: lang ?? '' },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-lang'] },
        children: [{ type: 'text', value: lang || 'text' }],
      },
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['shiki'], dataHighlighted: tokens ? 'true' : 'false' },
        children: [{ type: 'element', tagName: 'code', properties: {}, children: lines }],
      },
    ],
  };
}

/** Only shiki's own colour variables reach a style attribute (the values are theme colours). */
function styleText(style: Record<string, string>): string {
  return Object.entries(style)
    .filter(([name, value]) => /^--shiki-[a-z-]+$/.test(name) && /^[#\w(),.% -]+$/.test(value))
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
}

function imageAsLink(img: Element): Element {
  const alt = String(img.properties.alt ?? '') || 'image';
  const src = typeof img.properties.src === 'string' ? img.properties.src : undefined;
  const label: ElementContent = { type: 'text', value: `[image: ${alt}]` };
  if (!src) return { type: 'element', tagName: 'span', properties: { className: ['image-ref'] }, children: [label] };
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      href: src,
      className: ['image-ref'],
      rel: ['noopener', 'noreferrer', 'nofollow', 'ugc'],
      target: '_blank',
    },
    children: [label],
  };
}
