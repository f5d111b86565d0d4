/**
 * Mermaid diagrams, loaded on first use (mermaid is large). Safety, in layers:
 * - `securityLevel: 'strict'`: mermaid encodes HTML in labels and disables click handlers/links;
 * - markup tags in the source are removed before mermaid sees it (`withoutTags`): mermaid 12 still
 *   passes label text through the page's HTML parser while laying out (an `onerror` in a label
 *   reached the page — only the CSP stopped it);
 * - `htmlLabels: false`: labels are SVG text, no `<foreignObject>` HTML;
 * - the SVG is shown through an `<img>` (a data: URL), where no script in it can ever run and
 *   nothing in it can reach the page.
 */
export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  maxTextSize: 20_000,
  maxEdges: 500,
} as const;

/** The source with anything that looks like an HTML tag removed (`<br>` becomes a space). */
export function withoutTags(code: string): string {
  return code.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[a-z!][^<>]*>?/gi, '');
}

let sequence = 0;
let queue: Promise<unknown> = Promise.resolve();

/** The diagram as an SVG document; throws mermaid's parse error for invalid source. */
export function renderMermaid(code: string, dark: boolean): Promise<string> {
  // Mermaid keeps global configuration: renders run one after another, each with its theme.
  const run = queue.then(async () => {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ ...mermaidConfig, theme: dark ? 'dark' : 'default' });
    // Parse first: an invalid diagram throws here, before mermaid touches the document.
    const source = withoutTags(code);
    await mermaid.parse(source);
    sequence += 1;
    const id = `mermaid-diagram-${sequence}`;
    try {
      const { svg } = await mermaid.render(id, source);
      return svg;
    } finally {
      // Mermaid draws in a temporary element of the page; make sure none is left behind.
      document.getElementById(`d${id}`)?.remove();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** An `<img>` source for an SVG document. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
