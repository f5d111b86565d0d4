'use client';

import { usePathname } from 'next/navigation';
import { ConversationActions } from '@/components/share/conversation-actions';
import { Button } from '@/components/ui/button';
import { MenuIcon, SidebarIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { can, type Role } from '@/lib/policy/roles';
import { useUiStore } from '@/lib/stores/ui-store';
import { DisplayMenu } from './display-menu';
import { EffortSelect } from './effort-select';
import { LanguageSwitch } from './language-switch';
import { ModelPicker } from './model-picker';
import { SimulatorBadge } from './simulator-badge';
import { ThemeSwitch } from './theme-switch';
import { ThinkingToggle } from './thinking-toggle';

export function Header({ role }: { role: Role }) {
  const t = useT();
  const pathname = usePathname();
  const conversationId = /^\/c\/([^/]+)$/.exec(pathname)?.[1];
  const collapsed = useUiStore((state) => state.sidebarCollapsed);
  const setDrawerOpen = useUiStore((state) => state.setDrawerOpen);
  const toggleCollapsed = useUiStore((state) => state.toggleSidebarCollapsed);
  // The playground and compare panes carry their own model and settings; the chat's would mislead.
  const chatControls = !pathname.startsWith('/playground') && !pathname.startsWith('/compare');

  return (
    <header
      data-testid="app-header"
      className="relative z-30 flex h-14 shrink-0 items-center gap-1 border-b border-line/70 bg-surface/90 px-2 backdrop-blur supports-[backdrop-filter]:bg-surface/75 sm:gap-1.5 sm:px-3"
    >
      <Button
        variant="ghost"
        size="iconSm"
        className="md:hidden"
        aria-label={t('sidebar.open')}
        data-testid="sidebar-open"
        onClick={() => setDrawerOpen(true)}
      >
        <MenuIcon size={18} />
      </Button>
      {collapsed && (
        <Button
          variant="ghost"
          size="iconSm"
          className="hidden md:inline-flex"
          aria-label={t('sidebar.expand')}
          title={t('sidebar.expand')}
          onClick={toggleCollapsed}
        >
          <SidebarIcon size={18} />
        </Button>
      )}
      <div className="flex min-w-0 flex-1 items-center gap-1 sm:gap-1.5">
        {chatControls && (
          <>
            <ModelPicker />
            <ThinkingToggle />
            <EffortSelect />
          </>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-0.5 sm:gap-1">
        {conversationId && can(role, 'export') && (
          <ConversationActions conversationId={decodeURIComponent(conversationId)} canShare={can(role, 'shares')} />
        )}
        <SimulatorBadge />
        <div className="hidden items-center gap-1 sm:flex">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
        <div className="sm:hidden">
          <DisplayMenu />
        </div>
      </div>
    </header>
  );
}
