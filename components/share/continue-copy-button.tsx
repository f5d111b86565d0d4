'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';
import { apiFetch } from '@/lib/query/api';
import { useErrorText } from './use-error-text';

/** "Continue as a copy": the snapshot becomes a conversation (or comparison) of the signed-in viewer. */
export function ContinueCopyButton({ token }: { token: string }) {
  const t = useT();
  const router = useRouter();
  const errorText = useErrorText();
  const copy = useMutation({
    mutationFn: () =>
      apiFetch<{ conversation: { id: string } } | { comparison: { id: string } }>('/api/shares/copy', {
        method: 'POST',
        body: JSON.stringify({ token }),
      }),
    onSuccess: (copy) =>
      router.push('comparison' in copy ? `/compare/${copy.comparison.id}` : `/c/${copy.conversation.id}`),
  });
  return (
    <div className="flex items-center gap-2">
      {copy.isError && (
        <span className="text-xs text-danger" role="alert">
          {errorText(copy.error)}
        </span>
      )}
      <Button
        variant="primary"
        size="sm"
        disabled={copy.isPending}
        onClick={() => copy.mutate()}
        data-testid="share-continue"
      >
        {t('share.continue')}
      </Button>
    </div>
  );
}
