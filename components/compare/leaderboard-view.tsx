'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { PaneConfig } from '@/lib/compare/types';
import { useT } from '@/lib/i18n/use-t';
import { leaderboardQueryOptions } from '@/lib/query/compare';
import { modelsQueryOptions } from '@/lib/query/models';
import { describePane } from './pane-header';

/** Configurations ranked by Elo from votes: the signed-in user's, or the whole instance's. */
export function LeaderboardView() {
  const t = useT();
  const [scope, setScope] = useState<'me' | 'instance'>('me');
  const board = useQuery(leaderboardQueryOptions(scope));
  const models = useQuery(modelsQueryOptions()).data?.models ?? [];
  const label = (config: PaneConfig) =>
    describePane(
      { model: config.model, params: { ...config } },
      models.find((model) => model.id === config.model),
      t,
    );

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-4xl space-y-5 px-4 py-8 sm:px-6" data-testid="leaderboard">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="flex-1 text-xl font-semibold">{t('compare.leaderboard')}</h1>
          <div
            className="inline-flex rounded-lg border border-line p-0.5"
            role="tablist"
            aria-label={t('compare.board.scope')}
          >
            {(['me', 'instance'] as const).map((value) => (
              <button
                key={value}
                type="button"
                role="tab"
                aria-selected={scope === value}
                data-testid={`scope-${value}`}
                onClick={() => setScope(value)}
                className={cn(
                  'rounded-md px-3 py-1 text-[13px] font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60',
                  scope === value ? 'bg-ink/[0.08] text-ink' : 'text-ink-muted hover:text-ink',
                )}
              >
                {t(value === 'me' ? 'compare.board.mine' : 'compare.board.instance')}
              </button>
            ))}
          </div>
          <Link href="/compare" className={buttonVariants({ size: 'sm', variant: 'primary' })}>
            {t('compare.new')}
          </Link>
        </div>
        <p className="text-sm text-ink-muted">{t('compare.board.explain')}</p>
        {board.isPending && <p className="text-sm text-ink-faint">{t('sidebar.loading')}</p>}
        {board.isError && <p className="text-sm text-danger">{t('errors.default')}</p>}
        {board.data && board.data.entries.length === 0 && (
          <p
            className="rounded-xl border border-dashed border-line px-4 py-6 text-center text-sm text-ink-faint"
            data-testid="leaderboard-empty"
          >
            {t('compare.board.empty')}
          </p>
        )}
        {board.data && board.data.entries.length > 0 && (
          <div className="overflow-x-auto rounded-xl border border-line">
            <table className="w-full text-sm">
              <caption className="sr-only">{t('compare.leaderboard')}</caption>
              <thead className="bg-surface-muted text-left text-xs text-ink-muted">
                <tr>
                  <th className="px-3 py-2 font-medium">#</th>
                  <th className="px-3 py-2 font-medium">{t('compare.board.config')}</th>
                  <th className="px-3 py-2 text-right font-medium">{t('compare.board.rating')}</th>
                  <th className="px-3 py-2 text-right font-medium">{t('compare.board.winRate')}</th>
                  <th className="px-3 py-2 text-right font-medium">{t('compare.board.votes')}</th>
                </tr>
              </thead>
              <tbody>
                {board.data.entries.map((entry, index) => (
                  <tr
                    key={entry.key}
                    className="border-t border-line/70"
                    data-testid="leaderboard-row"
                    data-key={entry.key}
                  >
                    <td className="px-3 py-2 tabular-nums text-ink-muted">{index + 1}</td>
                    <td className="px-3 py-2">
                      <span className="font-medium" data-testid="leaderboard-config">
                        {label(entry.config)}
                      </span>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums" data-testid="leaderboard-rating">
                      {Math.round(entry.rating)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums" data-testid="leaderboard-win-rate">
                      {Math.round(entry.winRate * 100)}%
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums" data-testid="leaderboard-votes">
                      {entry.votes}
                      <span className="ml-1 text-xs text-ink-faint">
                        (
                        {t('compare.board.record', {
                          wins: String(entry.wins),
                          losses: String(entry.losses),
                          ties: String(entry.ties + entry.bad),
                        })}
                        )
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
