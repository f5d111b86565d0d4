'use client';

import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { LogoMark } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';

export function NotFoundView() {
  const t = useT();
  return (
    <main className="flex h-dvh flex-col items-center justify-center gap-3 px-6 text-center" data-testid="not-found">
      <LogoMark size={40} />
      <h1 className="mt-2 text-xl font-semibold">{t('notFound.title')}</h1>
      <p className="text-sm text-ink-muted">{t('notFound.body')}</p>
      <Link href="/" className={buttonVariants({ variant: 'primary', className: 'mt-3' })}>
        {t('chat.newChat')}
      </Link>
    </main>
  );
}
