import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import { catalogs, isLanguage, languageCookie, languageFromAcceptLanguage } from '@/lib/i18n/languages';
import { uiStoreKey } from '@/lib/stores/ui-store';
import './globals.css';

export const metadata: Metadata = {
  title: 'DeepSeek Studio',
  description: 'Self-hosted chat and playground for the DeepSeek API',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111318' },
  ],
};

/**
 * Runs before the first paint: applies the stored theme (or the OS one) so dark mode never flashes
 * light. It reads the same localStorage entry the ui store persists.
 */
const themeScript = `(function(){try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(uiStoreKey)})||'{}').state||{};var t=s.theme||'system';var d=t==='dark'||(t==='system'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var e=document.documentElement;if(d)e.classList.add('dark');e.style.colorScheme=d?'dark':'light';}catch(_){}})();`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const stored = cookieStore.get(languageCookie)?.value;
  const language = isLanguage(stored) ? stored : languageFromAcceptLanguage(headerStore.get('accept-language'));
  // proxy.ts's per-request nonce: the page's CSP runs no inline script without it.
  const nonce = headerStore.get('x-nonce') ?? undefined;

  return (
    <html lang={language} suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="font-sans antialiased">
        {/* Only this language's catalog reaches the browser (in the page data, not in a script). */}
        <AppProviders initialLanguage={language} initialCatalog={catalogs[language]}>
          {children}
        </AppProviders>
      </body>
    </html>
  );
}
