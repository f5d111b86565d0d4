import type { PluggableList } from 'unified';

/**
 * Math in markdown: `$…$`, `$$…$$` (remark-math) typeset by KaTeX. Both are loaded on first use —
 * only for a block that looks like it holds math — so they are not in any initial bundle.
 */

/** `$$`, or a `$…$` pair on one line whose inside does not start or end with a space. */
const mathPattern = /\$\$|\$[^\s$](?:[^$\n]*[^\s$])?\$/;

export function mayContainMath(text: string): boolean {
  return mathPattern.test(text);
}

/**
 * KaTeX without trust (no \href, \url, \htmlClass…: what a model writes never becomes a link or an
 * attribute), never throwing (a bad formula shows in the error colour), with MathML for screen readers.
 */
export const katexOptions = {
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  output: 'htmlAndMathml',
  maxExpand: 1000,
  maxSize: 20,
} as const;

export interface MathPlugins {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
}

let loading: Promise<MathPlugins> | undefined;

export function loadMathPlugins(): Promise<MathPlugins> {
  loading ??= Promise.all([import('remark-math'), import('rehype-katex')]).then(
    ([{ default: remarkMath }, { default: rehypeKatex }]) => ({
      remarkPlugins: [[remarkMath, { singleDollarTextMath: true }]],
      rehypePlugins: [[rehypeKatex, katexOptions]],
    }),
  );
  return loading;
}
