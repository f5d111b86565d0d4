'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { RefreshIcon, TrashIcon } from '@/components/ui/icons';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { type ShareView, useRevokeShare, useUpdateShare } from '@/lib/query/shares';
import { ExpirySelect } from './expiry-select';
import { useErrorText } from './use-error-text';

const stateStyles = {
  active: 'bg-emerald-500/12 text-emerald-700 dark:text-emerald-300',
  expired: 'bg-amber-500/15 text-amber-700 dark:text-amber-300',
  revoked: 'bg-danger/10 text-danger',
} as const;

export function ShareRow({ share }: { share: ShareView }) {
  const t = useT();
  const language = useLanguage();
  const errorText = useErrorText();
  const update = useUpdateShare();
  const revoke = useRevokeShare();
  const [confirming, setConfirming] = useState(false);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const url = share.path ? `${typeof window === 'undefined' ? '' : window.location.origin}${share.path}` : null;
  const live = share.state !== 'revoked';
  const failure = update.error ?? revoke.error;

  return (
    <li
      className="rounded-xl border border-line bg-surface-raised px-4 py-3"
      data-testid="share-row"
      data-state={share.state}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          className="rounded-md bg-surface-muted px-1.5 py-0.5 text-[11px] font-medium text-ink-muted ring-1 ring-line/60"
          data-testid="share-row-kind"
        >
          {t(`shares.kind.${share.kind}`)}
        </span>
        {share.sourceExists ? (
          <Link
            href={share.kind === 'comparison' ? `/compare/${share.comparisonId}` : `/c/${share.conversationId}`}
            className="min-w-0 truncate font-medium hover:underline"
            data-testid="share-row-title"
          >
            {share.title}
          </Link>
        ) : (
          <span className="min-w-0 truncate font-medium" data-testid="share-row-title">
            {share.title}
          </span>
        )}
        <span
          className={cn('rounded-full px-2 py-0.5 text-xs font-medium', stateStyles[share.state])}
          data-testid="share-row-state"
        >
          {t(`shares.state.${share.state}`)}
        </span>
      </div>
      <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-ink-muted">
        <div className="flex gap-1">
          <dt>{t('shares.created')}</dt>
          <dd>{date(share.createdAt)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t('shares.expires')}</dt>
          <dd data-testid="share-row-expiry">{share.expiresAt ? date(share.expiresAt) : t('share.expiry.never')}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t('shares.views')}</dt>
          <dd data-testid="share-row-views">{share.viewCount}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t('shares.messages')}</dt>
          <dd>{share.messageCount}</dd>
        </div>
        {share.includeReasoning && <div>{t('shares.withReasoning')}</div>}
      </dl>
      {live && (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {url ? (
            <CopyButton
              getText={() => url}
              label={t('shares.copy')}
              copiedLabel={t('code.copied')}
              showLabel
              testId="share-row-copy"
            />
          ) : (
            <span className="text-xs text-ink-faint">{t('shares.linkUnavailable')}</span>
          )}
          <Button
            variant="ghost"
            size="sm"
            disabled={update.isPending || !share.sourceExists}
            onClick={() => update.mutate({ id: share.id, refreshSnapshot: true })}
            data-testid="share-row-refresh"
          >
            <RefreshIcon size={14} />
            {t('shares.refresh')}
          </Button>
          <ExpirySelect
            value=""
            placeholder={t('shares.changeExpiry')}
            label={t('shares.changeExpiry')}
            disabled={update.isPending}
            onChange={(expiry) => update.mutate({ id: share.id, expiry })}
            testId="share-row-expiry-select"
          />
          <Button
            variant={confirming ? 'danger' : 'ghost'}
            size="sm"
            className={cn(!confirming && 'text-danger hover:text-danger')}
            disabled={revoke.isPending}
            onClick={() => (confirming ? revoke.mutate(share.id) : setConfirming(true))}
            onBlur={() => setConfirming(false)}
            data-testid="share-row-revoke"
          >
            <TrashIcon size={14} />
            {confirming ? t('shares.confirmRevoke') : t('shares.revoke')}
          </Button>
        </div>
      )}
      {failure && (
        <p className="mt-2 text-xs text-danger" role="alert">
          {errorText(failure)}
        </p>
      )}
    </li>
  );
}
