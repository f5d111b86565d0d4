'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { BeakerIcon, CloseIcon, ColumnsIcon, LogoMark, PlusIcon, SidebarIcon } from '@/components/ui/icons';
import type { Account } from '@/lib/auth/account';
import { useT } from '@/lib/i18n/use-t';
import { useUiStore } from '@/lib/stores/ui-store';
import { ComparisonList } from './comparison-list';
import { ConversationList } from './conversation-list';

export function Sidebar({ account, className }: { account: Account; className?: string }) {
  const t = useT();
  const router = useRouter();
  const startNewChat = useUiStore((state) => state.startNewChat);
  const setDrawerOpen = useUiStore((state) => state.setDrawerOpen);
  const toggleCollapsed = useUiStore((state) => state.toggleSidebarCollapsed);

  const newChat = () => {
    startNewChat();
    router.push('/');
  };

  return (
    <aside
      aria-label={t('sidebar.label')}
      data-testid="sidebar"
      className={cn('flex h-full flex-col border-r border-line/70 bg-surface-muted', className)}
    >
      <div className="flex h-14 shrink-0 items-center gap-2 px-3">
        <Link
          href="/"
          onClick={(event) => {
            event.preventDefault();
            newChat();
          }}
          className="flex min-w-0 flex-1 items-center gap-2.5 rounded-lg px-1 py-1 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60"
        >
          <LogoMark size={26} />
          <span className="truncate text-[15px] font-semibold tracking-tight">{t('app.name')}</span>
        </Link>
        <Button
          variant="ghost"
          size="iconSm"
          className="hidden md:inline-flex"
          aria-label={t('sidebar.collapse')}
          title={t('sidebar.collapse')}
          onClick={toggleCollapsed}
        >
          <SidebarIcon size={18} />
        </Button>
        <Button
          variant="ghost"
          size="iconSm"
          className="md:hidden"
          aria-label={t('sidebar.close')}
          onClick={() => setDrawerOpen(false)}
        >
          <CloseIcon size={18} />
        </Button>
      </div>
      <div className="px-3 pb-2">
        <Button
          variant="secondary"
          className="w-full justify-start gap-2 rounded-xl shadow-sm shadow-black/[0.03]"
          data-testid="new-chat"
          onClick={newChat}
        >
          <PlusIcon size={16} />
          {t('sidebar.newChat')}
        </Button>
        <NavLink href="/playground" testId="nav-playground" icon={<BeakerIcon size={16} />} className="mt-1">
          {t('nav.playground')}
        </NavLink>
        <NavLink href="/compare" testId="nav-compare" icon={<ColumnsIcon size={16} />}>
          {t('compare.nav')}
        </NavLink>
      </div>
      <ComparisonList />
      <ConversationList />
      <div className="shrink-0 border-t border-line/70 p-2">
        <UserMenu account={account} />
      </div>
    </aside>
  );
}

/** A sidebar link to one of the app's areas, marked current while any page under it is open. */
function NavLink({
  href,
  testId,
  icon,
  className,
  children,
}: {
  href: string;
  testId: string;
  icon: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const current = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      data-testid={testId}
      aria-current={current ? 'page' : undefined}
      className={cn(
        'flex h-9 items-center gap-2 rounded-xl px-3 text-sm font-medium text-ink-muted hover:bg-ink/[0.06] hover:text-ink focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/60 aria-[current=page]:bg-ink/[0.06] aria-[current=page]:text-ink',
        className,
      )}
    >
      {icon}
      {children}
    </Link>
  );
}
