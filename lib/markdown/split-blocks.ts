/**
 * Splits streaming markdown into top-level blocks so a renderer can memoise finished blocks by
 * content and re-render only the tail while tokens arrive.
 *
 * Invariants (see split-blocks.test.ts):
 * - Keys are positional (`b0`, `b1`, …). Appending text never changes the key or text of any block
 *   but the last one or two, so finished blocks keep their key and their memoised render.
 * - A top-level fenced code block is always a block of its own; blank lines inside a fence never split.
 * - A block that ends inside an unclosed fence is `open`: its code is still arriving.
 * - Blank lines between list items, and indented continuations after a blank line, stay in the list's
 *   block (so an ordered list keeps its numbering and loose items render as one list).
 */

export interface MarkdownBlock {
  key: string;
  text: string;
  /** A top-level fenced code block (its first line is the opening fence). */
  kind: 'code' | 'markdown';
  /** Ends inside a code fence that has not been closed yet. */
  open: boolean;
}

const fenceLine = /^(\s*)(`{3,}|~{3,})(.*)$/;
const listItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const indented = /^(?: {2,}|\t)/;
/** A streaming last line that may still become a list item ("2" before ". two" arrives). */
const partialListItem = /^ {0,3}\d{1,9}$/;

interface Fence {
  marker: string;
  length: number;
  topLevel: boolean;
}

function openingFence(line: string): Fence | undefined {
  const match = fenceLine.exec(line);
  if (!match) return undefined;
  const [, indent = '', run = '', info = ''] = match;
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (run[0] === '`' && info.includes('`')) return undefined;
  return { marker: run[0] ?? '`', length: run.length, topLevel: indent.length <= 3 };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = fenceLine.exec(line);
  if (!match) return false;
  const [, , run = '', rest = ''] = match;
  return run[0] === fence.marker && run.length >= fence.length && rest.trim() === '';
}

export function splitBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let lines: string[] = [];
  let kind: MarkdownBlock['kind'] = 'markdown';
  let fence: Fence | undefined;
  let blanks: string[] = [];

  const flush = (open = false) => {
    if (lines.length > 0) {
      blocks.push({ key: `b${blocks.length}`, text: lines.join('\n'), kind, open });
    }
    lines = [];
    kind = 'markdown';
  };
  const inList = () => lines.length > 0 && listItem.test(lines[0] ?? '');

  const all = source.replace(/\r\n?/g, '\n').split('\n');
  all.forEach((line, index) => {
    const last = index === all.length - 1;
    if (fence) {
      lines.push(line);
      if (closesFence(line, fence)) {
        const { topLevel } = fence;
        fence = undefined;
        if (topLevel && kind === 'code') flush();
      }
      return;
    }

    if (line.trim() === '') {
      if (lines.length > 0) blanks.push(line);
      return;
    }

    const continuesList =
      inList() && (indented.test(line) || listItem.test(line) || (last && partialListItem.test(line)));
    if (blanks.length > 0) {
      if (continuesList) lines.push(...blanks);
      else flush();
      blanks = [];
    }

    const opening = openingFence(line);
    if (opening) {
      const nested = inList() && (indented.test(line) || !opening.topLevel);
      if (!nested) {
        flush();
        kind = 'code';
        opening.topLevel = true;
      } else {
        opening.topLevel = false;
      }
      fence = opening;
      lines.push(line);
      return;
    }

    lines.push(line);
  });

  flush(fence !== undefined);
  return blocks;
}

/** The info string's first word of a block's opening fence (`ts` in "```ts title=x"). */
export function fenceLanguage(block: MarkdownBlock): string | undefined {
  if (block.kind !== 'code') return undefined;
  const first = block.text.split('\n', 1)[0] ?? '';
  const info = first.replace(/^\s*(`{3,}|~{3,})/, '').trim();
  return info.split(/\s+/)[0] || undefined;
}
