'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Button, buttonVariants } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';
import { isNotFound } from '@/lib/query/api';
import { comparisonQueryOptions } from '@/lib/query/compare';
import { useCompareStore } from '@/lib/stores/compare-store';
import { CompareWorkspace } from './compare-workspace';

/** `/compare`: a new comparison. */
export function NewCompareScreen({ canShare = false }: { canShare?: boolean }) {
  const nonce = useCompareStore((state) => state.nonce);
  return <CompareWorkspace key={nonce} canShare={canShare} />;
}

/** `/compare/[id]`: loads the comparison with every pane's transcript, then hands them to the panes. */
export function CompareScreen({ id, canShare = false }: { id: string; canShare?: boolean }) {
  const t = useT();
  const query = useQuery(comparisonQueryOptions(id));

  if (query.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center" data-testid="compare-loading" aria-busy="true">
        <p className="animate-pulse text-sm text-ink-faint">{t('chat.loading')}</p>
      </div>
    );
  }
  if (query.isError) {
    const missing = isNotFound(query.error);
    return (
      <div className="flex flex-1 flex-col items-center justify-center px-6 text-center" data-testid="compare-error">
        <h1 className="text-lg font-semibold">{missing ? t('compare.notFound') : t('chat.loadError')}</h1>
        <div className="mt-5 flex gap-2">
          {!missing && (
            <Button variant="secondary" onClick={() => void query.refetch()}>
              {t('error.retry')}
            </Button>
          )}
          <Link href="/compare" className={buttonVariants({ variant: 'primary' })}>
            {t('compare.new')}
          </Link>
        </div>
      </div>
    );
  }
  return <CompareWorkspace key={id} saved={query.data} canShare={canShare} />;
}
