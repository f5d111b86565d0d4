'use client';

import { useQuery } from '@tanstack/react-query';
import { useT } from '@/lib/i18n/use-t';
import { sharesQueryOptions } from '@/lib/query/shares';
import { ShareRow } from './share-row';
import { TransferPanel } from './transfer-panel';

/** `/shares`: every share link of the user (copy, update, expiry, revoke), then export and import. */
export function SharesView() {
  const t = useT();
  const { data, isPending, isError } = useQuery(sharesQueryOptions());

  return (
    <div className="mx-auto w-full max-w-4xl space-y-10 px-4 py-8 sm:px-6" data-testid="shares-page">
      <section aria-labelledby="shares-title">
        <h1 id="shares-title" className="text-xl font-semibold">
          {t('shares.title')}
        </h1>
        <p className="mt-1 text-sm text-ink-muted">{t('shares.intro')}</p>
        <div className="mt-5">
          {isPending && <p className="text-sm text-ink-muted">{t('sidebar.loading')}</p>}
          {isError && <p className="text-sm text-danger">{t('errors.default')}</p>}
          {data && data.length === 0 && (
            <p
              className="rounded-xl border border-dashed border-line px-4 py-6 text-center text-sm text-ink-muted"
              data-testid="shares-empty"
            >
              {t('shares.empty')}
            </p>
          )}
          {data && data.length > 0 && (
            <ul className="space-y-3" data-testid="shares-list">
              {data.map((share) => (
                <ShareRow key={share.id} share={share} />
              ))}
            </ul>
          )}
        </div>
      </section>
      <TransferPanel />
    </div>
  );
}
