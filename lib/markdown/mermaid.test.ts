import { describe, expect, it } from 'vitest';
import { mermaidConfig, svgDataUrl } from './mermaid';

describe('mermaid', () => {
  it('renders in strict mode with SVG text labels (no HTML inside the diagram)', () => {
    expect(mermaidConfig.securityLevel).toBe('strict');
    expect(mermaidConfig.htmlLabels).toBe(false);
    expect(mermaidConfig.flowchart.htmlLabels).toBe(false);
    expect(mermaidConfig.startOnLoad).toBe(false);
  });

  it('hands the SVG to an <img> as one encoded data: URL, so markup in it stays inert text', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><script>alert("x")</script>"\'</svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[<>"\s]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('<script>');
  });
});
