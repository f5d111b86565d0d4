'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { Switch } from '@/components/ui/switch';
import { useT } from '@/lib/i18n/use-t';
import { useCreateShare } from '@/lib/query/shares';
import type { ShareExpiry } from '@/lib/share/expiry';
import { ExpirySelect } from './expiry-select';
import { useErrorText } from './use-error-text';

/** Creates a read-only link to the conversation (or the comparison) as it is now. */
export function ShareDialog({
  source,
  open,
  onClose,
}: {
  source: { conversationId: string } | { comparisonId: string };
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [expiry, setExpiry] = useState<ShareExpiry>('7d');
  const [includeReasoning, setIncludeReasoning] = useState(false);
  const create = useCreateShare();
  const url = create.data?.path ? `${window.location.origin}${create.data.path}` : undefined;

  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('share.dialogTitle')}
      description={'comparisonId' in source ? t('shareCompare.dialogBody') : t('share.dialogBody')}
      testId="share-dialog"
    >
      {url ? (
        <div className="space-y-3">
          <div className="flex items-center gap-2 rounded-lg border border-line bg-surface-muted px-3 py-2">
            <input
              readOnly
              value={url}
              aria-label={t('share.link')}
              data-testid="share-link"
              className="min-w-0 flex-1 bg-transparent font-mono text-xs text-ink outline-none"
              onFocus={(event) => event.target.select()}
            />
            <CopyButton
              getText={() => url}
              label={t('shares.copy')}
              copiedLabel={t('code.copied')}
              showLabel
              testId="share-link-copy"
            />
          </div>
          <div className="flex justify-end gap-2">
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className="text-sm text-accent hover:underline"
              data-testid="share-open"
            >
              {t('share.open')}
            </a>
            <Button variant="secondary" onClick={close}>
              {t('account.close')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <div className="flex items-center justify-between gap-3">
            <span className="text-sm">{t('share.expires')}</span>
            <ExpirySelect value={expiry} onChange={setExpiry} label={t('share.expires')} testId="share-expiry" />
          </div>
          <div className="flex items-center justify-between gap-3">
            <span id="share-reasoning-label" className="text-sm">
              {t('share.includeReasoning')}
            </span>
            <Switch
              checked={includeReasoning}
              onCheckedChange={setIncludeReasoning}
              aria-labelledby="share-reasoning-label"
              data-testid="share-include-reasoning"
            />
          </div>
          {create.isError && (
            <p className="text-sm text-danger" role="alert">
              {errorText(create.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={close}>
              {t('share.cancel')}
            </Button>
            <Button
              variant="primary"
              disabled={create.isPending}
              onClick={() => create.mutate({ ...source, expiry, includeReasoning })}
              data-testid="share-create"
            >
              {t('share.create')}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
