'use client';

import { memo, useEffect, useRef, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { useT } from '@/lib/i18n/use-t';
import { cachedHighlight, highlightCode, highlightStreaming } from '@/lib/markdown/highlight-client';
import type { HighlightedCode } from '@/lib/markdown/highlighter';
import type { StreamingHighlight } from '@/lib/markdown/progressive-highlight';

/**
 * A fenced code block. While its closing fence has not arrived (`complete` false) its complete lines
 * are highlighted progressively (a pass each time a line completes, one pass at a time) and the
 * unfinished line grows as plain text; once complete it is highlighted exactly once (results are
 * cached by language + source, so a re-mount paints coloured at once). Shiki runs in a worker
 * (lib/markdown/highlight-client), so neither grammar loading nor tokenising blocks typing.
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

  const progress = useProgressiveHighlight(code, lang, !complete && !highlighted);

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
        data-highlighted={highlighted ? 'true' : progress ? 'partial' : 'false'}
      >
        <code>
          {highlighted ? (
            <Lines lines={highlighted} />
          ) : progress && code.startsWith(progress.source) ? (
            <>
              <Lines lines={progress.lines} />
              {'\n'}
              {code.slice(progress.source.length)}
            </>
          ) : (
            code
          )}
        </code>
      </pre>
    </div>
  );
});

/** Highlighted lines of a block (a line's tokens never reorder, so indexes are stable keys). */
const Lines = memo(function Lines({ lines }: { lines: HighlightedCode }) {
  return lines.map((line, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of a block never reorder
    <span className="line" key={index}>
      {line.map((token, tokenIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a line never reorder
        <span key={tokenIndex} style={token.style}>
          {token.content}
        </span>
      ))}
      {index < lines.length - 1 ? '\n' : null}
    </span>
  ));
});

/**
 * While a block streams: highlights its complete lines whenever their count grows, one pass at a
 * time (a pass that finds newer text when it ends starts the next one).
 */
function useProgressiveHighlight(code: string, lang: string | undefined, active: boolean) {
  const [progress, setProgress] = useState<StreamingHighlight | undefined>(undefined);
  const latest = useRef({ code, active });
  latest.current = { code, active };
  const running = useRef(false);
  const completeLines = code.lastIndexOf('\n');

  useEffect(
    () => () => {
      latest.current.active = false;
    },
    [],
  );

  useEffect(() => {
    if (!active || running.current || completeLines < 0) return;
    running.current = true;
    const run = async () => {
      let done = '';
      while (latest.current.active) {
        const current = latest.current.code;
        if (current.slice(0, current.lastIndexOf('\n') + 1) === done) break;
        const result = await highlightStreaming(current, lang);
        if (!result || !latest.current.active) break;
        done = result.source;
        setProgress(result);
      }
    };
    run()
      .catch((error: unknown) => console.warn('highlight failed', error))
      .finally(() => {
        running.current = false;
      });
  }, [active, completeLines, lang]);

  return active ? progress : undefined;
}
