'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { DownloadIcon, PlusIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { apiFetch } from '@/lib/query/api';
import { conversationKeys } from '@/lib/query/conversations';
import { useErrorText } from './use-error-text';

interface ImportResult {
  format: 'deepseek-studio' | 'chatgpt';
  conversations: { id: string; title: string; messageCount: number }[];
}

/** Export every conversation as a zip; import this app's JSON or ChatGPT's conversations.json. */
export function TransferPanel() {
  const t = useT();
  const errorText = useErrorText();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const importFile = useMutation({
    mutationFn: async (file: File) =>
      apiFetch<ImportResult>('/api/import', { method: 'POST', body: await file.text() }),
    onSuccess: () => void client.invalidateQueries({ queryKey: conversationKeys.list() }),
  });

  return (
    <section aria-labelledby="transfer-title" className="border-t border-line pt-8" data-testid="transfer-panel">
      <h2 id="transfer-title" className="text-base font-semibold">
        {t('transfer.title')}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">{t('transfer.intro')}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href="/api/export" download className={buttonVariants({ variant: 'secondary' })} data-testid="export-all">
          <DownloadIcon size={16} />
          {t('transfer.exportAll')}
        </a>
        <label className={buttonVariants({ variant: 'secondary', className: 'cursor-pointer' })}>
          <PlusIcon size={16} />
          {importFile.isPending ? t('transfer.importing') : t('transfer.import')}
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            data-testid="import-file"
            disabled={importFile.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) importFile.mutate(file);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      {importFile.isError && (
        <p className="mt-3 text-sm text-danger" role="alert" data-testid="import-error">
          {errorText(importFile.error)}
        </p>
      )}
      {importFile.data && (
        <div className="mt-3 text-sm" data-testid="import-result">
          <p>{t('transfer.imported', { count: importFile.data.conversations.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {importFile.data.conversations.slice(0, 20).map((conversation) => (
              <li key={conversation.id}>
                <Link href={`/c/${conversation.id}`} className="text-accent hover:underline">
                  {conversation.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
