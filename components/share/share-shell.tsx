import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { LogoMark } from '@/components/ui/icons';
import { type Language, translate } from '@/lib/i18n/languages';
import { ContinueCopyButton } from './continue-copy-button';
import type { ShareLabels } from './share-message';

export type ShareT = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => string;

/** Labels are translated with the visitor's language, as the page has no session. */
export function shareT(language: Language): ShareT {
  return (key, vars) => translate(language, key, vars);
}

export function shareLabels(t: ShareT): ShareLabels {
  return {
    user: t('share.you'),
    assistant: t('share.assistant'),
    system: t('share.system'),
    reasoning: t('share.reasoning'),
    image: t('share.image'),
    interrupted: t('share.interrupted'),
    error: t('share.failed'),
  };
}

/** The public page's frame: logo, "read-only", continue-as-copy (or sign in), then the content. */
export function ShareShell({
  token,
  t,
  signedIn,
  wide = false,
  children,
}: {
  token: string;
  t: ShareT;
  signedIn: boolean;
  /** a comparison's panes take the full width */
  wide?: boolean;
  children: ReactNode;
}) {
  const width = wide ? 'max-w-7xl' : 'max-w-3xl';
  return (
    <div className="min-h-dvh bg-surface" data-testid="share-page">
      <header className="sticky top-0 z-10 border-b border-line/70 bg-surface/90 backdrop-blur print:static">
        <div className={cn('mx-auto flex h-14 items-center gap-3 px-4', width)}>
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
      <main className={cn('mx-auto px-4 pb-24 pt-8', width)}>
        {children}
        <p className="mt-12 border-t border-line pt-4 text-xs text-ink-faint">{t('share.footer')}</p>
      </main>
    </div>
  );
}
