'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLazyModuleReady } from '@/components/lazy/lazy-module';
import { markdownModule } from '@/components/markdown/lazy-markdown';
import { Button, buttonVariants } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';
import { isNotFound } from '@/lib/query/api';
import { conversationQueryOptions } from '@/lib/query/conversations';
import { ChatView } from './chat-view';
import { virtualiseAfter, virtuaModule } from './message-list';
import { useAdoptConversationSettings } from './use-adopt-conversation-settings';

/** `/c/[id]`: loads the stored conversation, then hands its messages to the chat. */
export function ConversationScreen({ id }: { id: string }) {
  const t = useT();
  const query = useQuery(conversationQueryOptions(id));
  useAdoptConversationSettings(query.data?.conversation);
  // Stored answers paint formatted and a long transcript virtualised at once, rather than as plain
  // text or every message until those chunks (fetched in parallel with the data) arrive.
  const markdownReady = useLazyModuleReady(markdownModule);
  const listReady = useLazyModuleReady(virtuaModule, (query.data?.messages.length ?? 0) > virtualiseAfter);

  if (query.isPending || (query.isSuccess && !(markdownReady && listReady))) {
    return (
      <div className="flex flex-1 items-center justify-center" data-testid="conversation-loading" aria-busy="true">
        <p className="animate-pulse text-sm text-ink-faint">{t('chat.loading')}</p>
      </div>
    );
  }

  if (query.isError) {
    const missing = isNotFound(query.error);
    return (
      <div
        className="flex flex-1 flex-col items-center justify-center px-6 text-center"
        data-testid="conversation-error"
      >
        <h1 className="text-lg font-semibold">{missing ? t('chat.notFoundTitle') : t('chat.loadError')}</h1>
        {missing && <p className="mt-2 max-w-sm text-sm text-ink-muted">{t('chat.notFoundBody')}</p>}
        <div className="mt-5 flex gap-2">
          {!missing && (
            <Button variant="secondary" onClick={() => void query.refetch()}>
              {t('error.retry')}
            </Button>
          )}
          <Link href="/" className={buttonVariants({ variant: 'primary' })}>
            {t('chat.newChat')}
          </Link>
        </div>
      </div>
    );
  }

  return <ChatView key={id} conversationId={id} initialMessages={query.data.messages} />;
}
