'use client';

import { memo, useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/use-t';
import { renderMermaid, svgDataUrl } from '@/lib/markdown/mermaid';
import { CodeBlock } from './code-block';

function useDarkTheme(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    const read = () => setDark(root.classList.contains('dark'));
    read();
    const observer = new MutationObserver(read);
    observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

/**
 * A finished ```mermaid block, drawn as a diagram (see lib/markdown/mermaid for the safety rules),
 * with its source one click away. Until mermaid has loaded, or when the source does not parse, it
 * is the code block it came from.
 */
export const MermaidDiagram = memo(function MermaidDiagram({ code }: { code: string }) {
  const t = useT();
  const dark = useDarkTheme();
  const [drawn, setDrawn] = useState<{ code: string; svg?: string; failed?: boolean }>({ code });

  useEffect(() => {
    let cancelled = false;
    // A diagram inside a quote or list can still be growing: draw once its source has settled.
    const timer = setTimeout(() => {
      renderMermaid(code, dark)
        .then((svg) => {
          if (!cancelled) setDrawn({ code, svg });
        })
        .catch(() => {
          if (!cancelled) setDrawn({ code, failed: true });
        });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, dark]);

  const svg = drawn.code === code ? drawn.svg : undefined;
  const failed = drawn.code === code && drawn.failed === true;

  if (failed || !svg) {
    return (
      <div data-testid="mermaid-pending" data-failed={failed ? 'true' : 'false'}>
        <CodeBlock code={code} lang="mermaid" complete />
        {failed && <p className="-mt-2 mb-4 text-xs text-danger">{t('markdown.diagramError')}</p>}
      </div>
    );
  }
  return (
    <figure className="my-4 rounded-xl border border-line bg-surface p-3" data-testid="mermaid-diagram">
      <div className="overflow-x-auto">
        {/* biome-ignore lint/performance/noImgElement: a data: URL of a generated SVG, nothing to optimise */}
        <img src={svgDataUrl(svg)} alt={t('markdown.diagram')} className="mx-auto h-auto max-w-none" />
      </div>
      <details className="mt-2 text-xs text-ink-muted">
        <summary className="cursor-pointer select-none">{t('markdown.diagramSource')}</summary>
        <pre className="mt-2 overflow-x-auto whitespace-pre font-mono text-[12px]">{code}</pre>
      </details>
    </figure>
  );
});
