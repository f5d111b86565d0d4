'use client';

import { Tooltip } from '@/components/ui/tooltip';
import type { ChatMetadata } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';

const chip =
  'inline-flex h-5 cursor-default items-center rounded-full border px-2 text-[11px] font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60';

/** "cached" and "filtered" chips under an answer, each with its explanation on hover or focus. */
export function GatewayLabels({ metadata }: { metadata: ChatMetadata }) {
  const t = useT();
  return (
    <>
      {metadata.cached && (
        <Tooltip content={t('message.cachedHint')} side="top" align="start">
          {(describedBy) => (
            <button
              type="button"
              aria-describedby={describedBy}
              data-testid="message-cached"
              className={`${chip} border-accent/30 bg-accent/10 text-accent`}
            >
              {t('message.cached')}
            </button>
          )}
        </Tooltip>
      )}
      {metadata.flagged && (
        <Tooltip content={t('message.flaggedHint')} side="top" align="start">
          {(describedBy) => (
            <button
              type="button"
              aria-describedby={describedBy}
              data-testid="message-flagged"
              className={`${chip} border-warning/30 bg-warning/10 text-warning`}
            >
              {t('message.flagged')}
            </button>
          )}
        </Tooltip>
      )}
      <RedactionNote redactions={metadata.redactions} inline />
    </>
  );
}

/** "Redacted before sending: 1 phone, 1 e-mail" — under the question (and its answer). */
export function RedactionNote({ redactions, inline }: { redactions: ChatMetadata['redactions']; inline?: boolean }) {
  const t = useT();
  if (!redactions || redactions.length === 0) return null;
  const items = redactions.map(({ kind, count }) => t(`message.redaction.${kind}`, { count })).join(', ');
  return (
    <p className={inline ? 'text-xs text-ink-faint' : 'px-1 text-xs text-ink-faint'} data-testid="message-redacted">
      {t('message.redacted', { items })}
    </p>
  );
}
