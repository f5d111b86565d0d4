'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { cn } from '@/components/ui/cn';
import type { Account } from '@/lib/auth/account';
import { useT } from '@/lib/i18n/use-t';
import { useUiStore } from '@/lib/stores/ui-store';
import { Header } from './header';
import { Sidebar } from './sidebar';

/** Sidebar + header around the page. At phone width the sidebar is a drawer behind a hamburger. */
export function AppShell({ account, children }: { account: Account; children: ReactNode }) {
  const t = useT();
  const drawerOpen = useUiStore((state) => state.drawerOpen);
  const collapsed = useUiStore((state) => state.sidebarCollapsed);
  const setDrawerOpen = useUiStore((state) => state.setDrawerOpen);
  const pathname = usePathname();

  // Navigating from the drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on route change on purpose
  useEffect(() => setDrawerOpen(false), [pathname, setDrawerOpen]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen, setDrawerOpen]);

  return (
    <div className="flex h-dvh overflow-hidden bg-surface text-ink">
      <a
        href="#composer-input"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-lg focus:bg-surface-raised focus:px-3 focus:py-2 focus:shadow-lg"
      >
        {t('app.skipToComposer')}
      </a>
      {drawerOpen && (
        <button
          type="button"
          aria-label={t('sidebar.close')}
          tabIndex={-1}
          className="fixed inset-0 z-40 bg-black/40 backdrop-blur-[1px] md:hidden"
          onClick={() => setDrawerOpen(false)}
        />
      )}
      <Sidebar
        account={account}
        className={cn(
          'fixed inset-y-0 left-0 z-50 w-[86vw] max-w-[300px] shadow-2xl transition-transform duration-200 ease-out',
          'md:static md:z-auto md:w-[272px] md:max-w-none md:translate-x-0 md:shadow-none md:transition-none',
          drawerOpen ? 'translate-x-0' : '-translate-x-full max-md:invisible',
          collapsed && 'md:hidden',
        )}
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header role={account.role} />
        <main className="relative flex min-h-0 flex-1 flex-col">{children}</main>
      </div>
    </div>
  );
}
