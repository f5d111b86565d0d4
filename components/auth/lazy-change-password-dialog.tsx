'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import { useOpenedOnce } from '@/components/lazy/lazy-module';
import type { ChangePasswordDialog } from './change-password-dialog';

const ChangePasswordChunk = lazy(() =>
  import('./change-password-dialog').then((module) => ({ default: module.ChangePasswordDialog })),
);

/** The change-password dialog, fetched the first time it opens. */
export function LazyChangePasswordDialog(props: ComponentProps<typeof ChangePasswordDialog>) {
  const opened = useOpenedOnce(props.open);
  return opened ? (
    <Suspense fallback={null}>
      <ChangePasswordChunk {...props} />
    </Suspense>
  ) : null;
}
