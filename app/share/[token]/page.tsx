import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ComparisonShareScreen } from '@/components/share/comparison-share-screen';
import { ShareScreen } from '@/components/share/share-screen';
import { getCurrentUser } from '@/lib/auth/current-user';
import { isLanguage, type Language, languageCookie, languageFromAcceptLanguage, translate } from '@/lib/i18n/languages';
import { textOf } from '@/lib/transcript/types';
import { type LoadedShare, loadShare } from './load';

type Props = { params: Promise<{ token: string }> };

/** The visitor's language (cookie, else Accept-Language), as the root layout picks it. */
async function language(): Promise<Language> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const stored = cookieStore.get(languageCookie)?.value;
  return isLanguage(stored) ? stored : languageFromAcceptLanguage(headerStore.get('accept-language'));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const loaded = await loadShare(token);
  const robots = { index: false, follow: false };
  if (loaded.kind === 'missing' || loaded.kind === 'limited') {
    return { title: 'DeepSeek Studio', robots, referrer: 'no-referrer' };
  }
  const { snapshot } = loaded.share;
  const description = firstAnswer(loaded).replace(/\s+/g, ' ').slice(0, 200);
  return {
    title: `${snapshot.title} · DeepSeek Studio`,
    description,
    robots,
    referrer: 'no-referrer',
    openGraph: { type: 'article', title: snapshot.title, description, siteName: 'DeepSeek Studio' },
    twitter: { card: 'summary', title: snapshot.title, description },
  };
}

/** The opening of the first answer (a comparison's first pane), for the link preview. */
function firstAnswer(loaded: Extract<LoadedShare, { share: unknown }>): string {
  const messages =
    loaded.kind === 'comparison' ? (loaded.share.snapshot.panes[0]?.messages ?? []) : loaded.share.snapshot.messages;
  const first = messages.find((message) => message.role === 'assistant') ?? messages[0];
  return first ? textOf(first) : '';
}

/** Public, read-only, server-rendered; never indexed. Unknown, revoked and expired tokens are 404. */
export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const [loaded, lang, viewer] = await Promise.all([loadShare(token), language(), getCurrentUser(await headers())]);
  if (loaded.kind === 'missing') notFound();
  if (loaded.kind === 'limited') {
    return (
      <main className="flex h-dvh flex-col items-center justify-center px-6 text-center" data-testid="share-limited">
        <h1 className="text-lg font-semibold">{translate(lang, 'share.limitedTitle')}</h1>
        <p className="mt-2 text-sm text-ink-muted">
          {translate(lang, 'share.limitedBody', { seconds: loaded.retryAfterSeconds })}
        </p>
      </main>
    );
  }
  if (loaded.kind === 'comparison') {
    return (
      <ComparisonShareScreen
        token={token}
        language={lang}
        signedIn={Boolean(viewer)}
        snapshot={loaded.share.snapshot}
        sharedAt={loaded.share.sharedAt}
        panes={loaded.panes}
      />
    );
  }
  return (
    <ShareScreen
      token={token}
      language={lang}
      signedIn={Boolean(viewer)}
      snapshot={loaded.share.snapshot}
      sharedAt={loaded.share.sharedAt}
      messages={loaded.messages}
    />
  );
}
