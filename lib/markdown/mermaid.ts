/**
 * Mermaid diagrams, loaded on first use (mermaid is large). Safety, in layers:
 * - `securityLevel: 'strict'`: mermaid encodes HTML in labels and disables click handlers/links;
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

let sequence = 0;
let queue: Promise<unknown> = Promise.resolve();

/** The diagram as an SVG document; throws mermaid's parse error for invalid source. */
export function renderMermaid(code: string, dark: boolean): Promise<string> {
  // Mermaid keeps global configuration: renders run one after another, each with its theme.
  const run = queue.then(async () => {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ ...mermaidConfig, theme: dark ? 'dark' : 'default' });
    // Parse first: an invalid diagram throws here, before mermaid touches the document.
    await mermaid.parse(code);
    sequence += 1;
    const id = `mermaid-diagram-${sequence}`;
    try {
      const { svg } = await mermaid.render(id, code);
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
