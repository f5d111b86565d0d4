'use client';

import { type ComponentType, lazy, Suspense } from 'react';
import { lazyModule } from '@/components/lazy/lazy-module';
import { cn } from '@/components/ui/cn';

/**
 * The markdown renderer (react-markdown, remark-gfm, micromark, mdast → hast → JSX: ~35 KB gzip)
 * as its own chunk: pages that show answers preload it while their data loads, instead of every
 * page paying for it in its first load.
 */
export const markdownModule = lazyModule(() => import('./markdown'));

type MarkdownProps = { text: string; className?: string };

const Markdown = lazy<ComponentType<MarkdownProps>>(() =>
  markdownModule.load().then(
    (module) => ({ default: module.Markdown }),
    () => ({ default: PlainText }),
  ),
);

/** Markdown once the renderer is here; until then (or if it could not load) the text as written. */
export function LazyMarkdown({ text, className }: MarkdownProps) {
  return (
    <Suspense fallback={<PlainText text={text} className={className} />}>
      <Markdown text={text} className={className} />
    </Suspense>
  );
}

function PlainText({ text, className }: MarkdownProps) {
  return (
    <div className={cn('markdown whitespace-pre-wrap', className)} data-testid="markdown">
      {text}
    </div>
  );
}
