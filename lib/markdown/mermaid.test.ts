import { describe, expect, it } from 'vitest';
import { mermaidConfig, svgDataUrl, withoutTags } from './mermaid';

describe('mermaid', () => {
  it('renders in strict mode with SVG text labels (no HTML inside the diagram)', () => {
    expect(mermaidConfig.securityLevel).toBe('strict');
    expect(mermaidConfig.htmlLabels).toBe(false);
    expect(mermaidConfig.flowchart.htmlLabels).toBe(false);
    expect(mermaidConfig.startOnLoad).toBe(false);
  });

  it('removes markup from the source before mermaid lays it out', () => {
    expect(withoutTags('graph TD\n  A --> B["<img src=x onerror=alert(1)>"]')).toBe('graph TD\n  A --> B[""]');
    expect(withoutTags('A["<script>alert(1)</script>x"]')).toBe('A["alert(1)x"]');
    expect(withoutTags('A["<img src=x onerror=alert(1)"]')).toBe('A["');
    expect(withoutTags('A[one<br/>two] --> B[a < b]')).toBe('A[one two] --> B[a < b]');
  });

  it('hands the SVG to an <img> as one encoded data: URL, so markup in it stays inert text', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><script>alert("x")</script>"\'</svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[<>"\s]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('<script>');
  });
});
