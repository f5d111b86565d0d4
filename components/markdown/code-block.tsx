'use client';

import { memo, useEffect, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { useT } from '@/lib/i18n/use-t';
import { cachedHighlight, type HighlightedCode, highlightCode } from '@/lib/markdown/highlighter';

/**
 * A fenced code block. While its closing fence has not arrived (`complete` false) the code shows as
 * plain text and grows with the stream; once complete it is highlighted exactly once (results are
 * cached by language + source in lib/markdown/highlighter, so a re-mount paints coloured at once).
 */
export const CodeBlock = memo(function CodeBlock({
  code,
  lang,
  complete,
}: {
  code: string;
  lang: string | undefined;
  complete: boolean;
}) {
  const t = useT();
  const [highlighted, setHighlighted] = useState<HighlightedCode | undefined>(() =>
    complete ? cachedHighlight(code, lang) : undefined,
  );

  useEffect(() => {
    if (!complete) return;
    let cancelled = false;
    const hit = cachedHighlight(code, lang);
    if (hit) {
      setHighlighted(hit);
      return;
    }
    highlightCode(code, lang)
      .then((result) => {
        if (!cancelled && result) setHighlighted(result);
      })
      .catch((error: unknown) => console.warn('highlight failed', error));
    return () => {
      cancelled = true;
    };
  }, [code, lang, complete]);

  return (
    <div
      className="code-block group/code my-4 overflow-hidden rounded-xl border border-line bg-surface-muted"
      data-testid="code-block"
      data-language={lang ?? ''}
      data-complete={complete ? 'true' : 'false'}
    >
      <div className="flex h-9 items-center justify-between border-b border-line/80 pl-3.5 pr-1.5">
        <span className="font-mono text-xs lowercase text-ink-faint" data-testid="code-language">
          {lang || t('code.plain')}
        </span>
        <CopyButton
          getText={() => code}
          label={t('code.copy')}
          copiedLabel={t('code.copied')}
          showLabel
          testId="code-copy"
        />
      </div>
      <pre
        className="shiki overflow-x-auto px-4 py-3.5 font-mono text-[13px] leading-[1.65]"
        data-highlighted={highlighted ? 'true' : 'false'}
      >
        <code>
          {highlighted
            ? highlighted.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a finished block never reorder
                <span className="line" key={index}>
                  {line.map((token, tokenIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a finished block never reorder
                    <span key={tokenIndex} style={token.style}>
                      {token.content}
                    </span>
                  ))}
                  {index < highlighted.length - 1 ? '\n' : null}
                </span>
              ))
            : code}
        </code>
      </pre>
    </div>
  );
});
