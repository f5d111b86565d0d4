'use client';

import { memo, useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { splitBlocks } from '@/lib/markdown/split-blocks';
import { MarkdownBlock } from './markdown-block';

/**
 * Renders (streaming) markdown as independent top-level blocks: while tokens arrive only the tail
 * block's source changes, so only it is parsed and rendered again; code blocks above it keep their
 * highlighting untouched. Raw HTML is never rendered (`skipHtml`).
 */
export const Markdown = memo(function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className={cn('markdown', className)} data-testid="markdown">
      {blocks.map((block) => (
        <MarkdownBlock key={block.key} text={block.text} open={block.open} />
      ))}
    </div>
  );
});
