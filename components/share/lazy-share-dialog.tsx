'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import { useOpenedOnce } from '@/components/lazy/lazy-module';
import type { ShareDialog } from './share-dialog';

const ShareDialogChunk = lazy(() => import('./share-dialog').then((module) => ({ default: module.ShareDialog })));

/** The share dialog, fetched the first time it opens (it is not part of the page's first load). */
export function LazyShareDialog(props: ComponentProps<typeof ShareDialog>) {
  const opened = useOpenedOnce(props.open);
  return opened ? (
    <Suspense fallback={null}>
      <ShareDialogChunk {...props} />
    </Suspense>
  ) : null;
}
