import type { Language } from '@/lib/i18n/languages';
import type { RenderedMessage } from '@/lib/transcript/rendered';
import type { Transcript } from '@/lib/transcript/types';
import { ShareMessage } from './share-message';
import { ShareShell, shareLabels, shareT } from './share-shell';

/** The public page of a conversation share (a server component: no client JavaScript but the copy button). */
export function ShareScreen({
  token,
  language,
  signedIn,
  snapshot,
  sharedAt,
  messages,
}: {
  token: string;
  language: Language;
  signedIn: boolean;
  snapshot: Transcript;
  sharedAt: string;
  messages: RenderedMessage[];
}) {
  const t = shareT(language);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(sharedAt));
  const labels = shareLabels(t);

  return (
    <ShareShell token={token} t={t} signedIn={signedIn}>
      <h1 className="break-words text-2xl font-semibold leading-tight tracking-tight" data-testid="share-title">
        {snapshot.title}
      </h1>
      <p className="mt-2 text-sm text-ink-muted" data-testid="share-meta">
        {t('share.meta', { model: snapshot.model, date, count: snapshot.messages.length })}
      </p>
      <div className="mt-8 space-y-7">
        {messages.map((message, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's messages never reorder
          <ShareMessage key={index} message={message} labels={labels} />
        ))}
      </div>
    </ShareShell>
  );
}
