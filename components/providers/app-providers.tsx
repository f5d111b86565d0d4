'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Catalog, Language } from '@/lib/i18n/language-tags';
import { makeQueryClient } from '@/lib/query/query-client';
import { LanguageProvider } from './language-provider';
import { StoreHydration } from './store-hydration';
import { ThemeSync } from './theme-sync';

export function AppProviders({
  initialLanguage,
  initialCatalog,
  children,
}: {
  initialLanguage: Language;
  initialCatalog: Catalog;
  children: ReactNode;
}) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <StoreHydration />
      <ThemeSync />
      <LanguageProvider initialLanguage={initialLanguage} initialCatalog={initialCatalog}>
        {children}
      </LanguageProvider>
    </QueryClientProvider>
  );
}
