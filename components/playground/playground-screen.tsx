'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { StopIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n/use-t';
import { assembleRun } from '@/lib/playground/assemble';
import type { UpstreamTarget } from '@/lib/playground/target';
import { apiFetch } from '@/lib/query/api';
import { conversationKeys } from '@/lib/query/conversations';
import { modelsQueryOptions } from '@/lib/query/models';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { CodeDialog } from './code-dialog';
import { PlaygroundContext, type PlaygroundContextValue } from './context';
import { MessagesEditor } from './messages-editor';
import { ModelSection } from './model-section';
import { ParamsSection } from './params-section';
import { PresetsDialog } from './presets-dialog';
import { RunOutput } from './run-output';
import { useIssues } from './use-issues';
import { usePlaygroundRun } from './use-playground-run';
import { useUrlState } from './use-url-state';

/** `/playground`: the request editor on the left, runs (latest beside the previous) on the right. */
export function PlaygroundScreen({
  target,
  offline,
  presets,
}: {
  target: UpstreamTarget;
  offline: boolean;
  /** Whether the role may keep presets (guests may not). */
  presets: boolean;
}) {
  const { data: registry } = useQuery(modelsQueryOptions());
  const context = useMemo<PlaygroundContextValue | undefined>(
    () => registry && { target, offline, models: registry.models, defaultModel: registry.defaultModel },
    [registry, target, offline],
  );
  const { badUrl } = useUrlState(registry?.defaultModel);
  const ready = usePlaygroundStore((store) => store.state !== null);
  if (!context || !ready) return <div className="flex-1" data-testid="playground-loading" />;
  return (
    <PlaygroundContext.Provider value={context}>
      <PlaygroundBody badUrl={badUrl} presets={presets} />
    </PlaygroundContext.Provider>
  );
}

function PlaygroundBody({ badUrl, presets }: { badUrl?: string; presets: boolean }) {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const state = usePlaygroundStore((store) => store.state)!;
  const runs = usePlaygroundStore((store) => store.runs);
  const invalid = usePlaygroundStore((store) => Object.keys(store.invalidFields).length > 0);
  const issues = useIssues();
  const { run, stop } = usePlaygroundRun();
  const [dialog, setDialog] = useState<'code' | 'presets'>();
  const [notice, setNotice] = useState<string | undefined>(
    badUrl ? t('playground.badUrl', { reason: badUrl }) : undefined,
  );
  const [opening, setOpening] = useState(false);
  const running = runs.some((item) => item.running);
  const blocked = invalid || issues.size > 0;
  const latest = runs.at(-1);

  const openInChat = async () => {
    setOpening(true);
    try {
      const answer = latest && !latest.running ? assembleRun(latest.events) : undefined;
      const { id } = await apiFetch<{ id: string }>('/api/playground/open', {
        method: 'POST',
        body: JSON.stringify({
          state,
          ...(answer ? { answer: { reasoning: answer.reasoning, content: answer.content } } : {}),
        }),
      });
      await queryClient.invalidateQueries({ queryKey: conversationKeys.list() });
      router.push(`/c/${id}`);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
      setOpening(false);
    }
  };

  return (
    <div className="min-h-0 flex-1 overflow-y-auto" data-testid="playground">
      <div className="mx-auto grid max-w-[1400px] gap-4 p-3 sm:p-5 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="space-y-4">
          <div>
            <h1 className="text-lg font-semibold tracking-tight">{t('playground.title')}</h1>
            <p className="text-sm text-ink-muted">{t('playground.subtitle')}</p>
          </div>
          {notice && (
            <p
              role="status"
              className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-xs"
              data-testid="playground-notice"
            >
              {notice}
            </p>
          )}
          <section className="space-y-4 rounded-2xl border border-line bg-surface-raised/60 p-3 sm:p-4">
            <ModelSection />
            <MessagesEditor />
          </section>
          <section className="space-y-3 rounded-2xl border border-line bg-surface-raised/60 p-3 sm:p-4">
            <h2 className="text-[13px] font-semibold">{t('playground.parameters')}</h2>
            <ParamsSection />
          </section>
        </div>
        <div className="min-w-0 space-y-3">
          <div
            className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-2 bg-surface/90 px-1 py-1 backdrop-blur"
            data-testid="playground-toolbar"
          >
            {running ? (
              <Button variant="danger" onClick={stop} data-testid="playground-stop">
                <StopIcon size={14} />
                {t('playground.stopRun')}
              </Button>
            ) : (
              <Button
                variant="primary"
                onClick={() => void run()}
                disabled={blocked}
                title={blocked ? t('playground.fixFirst') : undefined}
                data-testid="playground-run"
              >
                {runs.length > 0 ? t('playground.runAgain') : t('playground.run')}
              </Button>
            )}
            <Button onClick={() => setDialog('code')} data-testid="playground-view-code">
              {t('playground.viewCode')}
            </Button>
            {presets && (
              <Button onClick={() => setDialog('presets')} data-testid="playground-presets">
                {t('playground.presets')}
              </Button>
            )}
            <Button onClick={() => void openInChat()} disabled={opening || running} data-testid="playground-open-chat">
              {t('playground.openInChat')}
            </Button>
            <CopyButton
              getText={() => window.location.href}
              label={t('playground.copyLink')}
              copiedLabel={t('playground.linkCopied')}
              showLabel
              testId="playground-copy-link"
            />
          </div>
          {blocked && (
            <p className="text-xs text-danger" data-testid="playground-blocked">
              {t('playground.fixFirst')}
            </p>
          )}
          {runs.length === 0 ? (
            <p
              className="rounded-2xl border border-dashed border-line p-6 text-center text-sm text-ink-faint"
              data-testid="output-empty"
            >
              {t('playground.outputEmpty')}
            </p>
          ) : (
            <div className={runs.length > 1 ? 'grid gap-3 2xl:grid-cols-2' : 'grid gap-3'} data-testid="runs">
              {[...runs].reverse().map((item, index) => (
                <RunOutput
                  key={item.id}
                  run={item}
                  label={index === 0 ? t('playground.current') : t('playground.previous')}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      <CodeDialog open={dialog === 'code'} onClose={() => setDialog(undefined)} state={state} />
      <PresetsDialog
        open={dialog === 'presets'}
        onClose={() => setDialog(undefined)}
        onLoaded={(name) => setNotice(t('playground.presets.loaded', { name }))}
      />
    </div>
  );
}
