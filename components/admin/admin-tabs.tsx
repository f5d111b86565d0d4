'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { useT } from '@/lib/i18n/use-t';

const tabs = [
  { href: '/admin', key: 'admin.tab.users' },
  { href: '/admin/audit', key: 'admin.tab.audit' },
] as const;

/** Users | Audit log, above both admin pages. */
export function AdminTabs() {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t('admin.tabs')} className="flex gap-1 border-b border-line text-sm">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            data-testid={`admin-tab-${tab.href.split('/').pop()}`}
            className={cn(
              '-mb-px border-b-2 px-3 py-2',
              active ? 'border-accent font-medium text-ink' : 'border-transparent text-ink-muted hover:text-ink',
            )}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
