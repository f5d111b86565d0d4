'use client';

import type { ReactNode } from 'react';
import { Tooltip } from '@/components/ui/tooltip';
import type { ChatMetadata } from '@/lib/chat/types';
import { useT } from '@/lib/i18n/use-t';

const chip =
  'inline-flex h-5 cursor-default items-center rounded-full border px-2 text-[11px] font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60';

function Chip({ hint, testId, tone, children }: { hint: string; testId: string; tone: string; children: ReactNode }) {
  return (
    <Tooltip content={hint} side="top" align="start">
      {(describedBy) => (
        <button type="button" aria-describedby={describedBy} data-testid={testId} className={`${chip} ${tone}`}>
          {children}
        </button>
      )}
    </Tooltip>
  );
}

/** "cached" and "filtered" chips under an answer, each with its explanation on hover or focus. */
export function GatewayLabels({ metadata }: { metadata: ChatMetadata }) {
  const t = useT();
  return (
    <>
      {metadata.cached && (
        <Chip hint={t('message.cachedHint')} testId="message-cached" tone="border-accent/30 bg-accent/10 text-accent">
          {t('message.cached')}
        </Chip>
      )}
      {metadata.flagged && (
        <Chip
          hint={t('message.flaggedHint')}
          testId="message-flagged"
          tone="border-warning/30 bg-warning/10 text-warning"
        >
          {t('message.flagged')}
        </Chip>
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
