import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { LogoMark } from '@/components/ui/icons';
import { type Language, translate } from '@/lib/i18n/languages';
import type { RenderedMessage } from '@/lib/transcript/rendered';
import type { Transcript } from '@/lib/transcript/types';
import { ContinueCopyButton } from './continue-copy-button';
import { ShareMessage } from './share-message';

/**
 * The public page of a share (a server component: no client JavaScript but the copy button).
 * Labels are translated here with the visitor's language, as the page has no session.
 */
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
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(language, key, vars);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(sharedAt));
  const labels = {
    user: t('share.you'),
    assistant: t('share.assistant'),
    system: t('share.system'),
    reasoning: t('share.reasoning'),
    image: t('share.image'),
    interrupted: t('share.interrupted'),
    error: t('share.failed'),
  };

  return (
    <div className="min-h-dvh bg-surface" data-testid="share-page">
      <header className="sticky top-0 z-10 border-b border-line/70 bg-surface/90 backdrop-blur print:static">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4">
          <Link href="/" className="flex items-center gap-2 text-sm font-semibold" aria-label="DeepSeek Studio">
            <LogoMark size={24} />
            <span className="hidden sm:inline">DeepSeek Studio</span>
          </Link>
          <span className="hidden whitespace-nowrap rounded-full bg-surface-muted px-2.5 py-0.5 text-xs text-ink-muted ring-1 ring-line/60 sm:inline">
            {t('share.readOnly')}
          </span>
          <div className="ml-auto print:hidden">
            {signedIn ? (
              <ContinueCopyButton token={token} />
            ) : (
              <Link
                href={`/login?callbackUrl=${encodeURIComponent(`/share/${token}`)}`}
                className={buttonVariants({ variant: 'secondary', size: 'sm' })}
                data-testid="share-sign-in"
              >
                {t('share.signInToCopy')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 pb-24 pt-8">
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
        <p className="mt-12 border-t border-line pt-4 text-xs text-ink-faint">{t('share.footer')}</p>
      </main>
    </div>
  );
}
