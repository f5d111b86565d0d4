'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { DropOverlay } from '@/components/attachments/drop-overlay';
import { Composer } from '@/components/chat/composer';
import { cn } from '@/components/ui/cn';
import { leadersOf, metricsOf } from '@/lib/compare/metrics';
import { addPane, applyToAll, duplicatePane, type EditablePane, removePane, updatePane } from '@/lib/compare/panes';
import { maxPanes, minPanes } from '@/lib/compare/types';
import { useT } from '@/lib/i18n/use-t';
import { type ComparisonDetail, compareKeys, continueWithPane, deleteComparison } from '@/lib/query/compare';
import { conversationKeys } from '@/lib/query/conversations';
import { useCompareStore } from '@/lib/stores/compare-store';
import { ComparePane } from './compare-pane';
import { CompareToolbar } from './compare-toolbar';
import { MetricsSummary } from './metrics-summary';
import { PaneHeader } from './pane-header';
import type { PaneHandle, PaneMark, PaneSnapshot } from './types';
import { useCompareImages } from './use-compare-images';
import { useComparison } from './use-comparison';
import { useProblemText } from './use-problem-text';
import { useSyncedScroll } from './use-synced-scroll';
import { VoteBar } from './vote-bar';

/** 2–4 panes side by side (swipeable on phones), one composer for all, metrics, votes. */
export function CompareWorkspace({ saved, canShare = false }: { saved?: ComparisonDetail; canShare?: boolean }) {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const state = useComparison(saved);
  const { comparison, panes, models } = state;
  const syncScroll = useCompareStore((s) => s.syncScroll);
  const newComparison = useCompareStore((s) => s.newComparison);
  const registerScroller = useSyncedScroll(syncScroll);
  const handles = useRef(new Map<string, PaneHandle>());
  const [snapshots, setSnapshots] = useState<Record<string, PaneSnapshot>>({});

  const onHandle = useCallback((id: string, handle: PaneHandle | undefined) => {
    if (handle) handles.current.set(id, handle);
    else handles.current.delete(id);
  }, []);
  const onSnapshot = useCallback((id: string, snapshot: PaneSnapshot) => {
    setSnapshots((previous) => ({ ...previous, [id]: snapshot }));
  }, []);

  const paneSnapshots = panes.map((pane) => (pane.conversationId ? snapshots[pane.conversationId] : undefined));
  const streaming = paneSnapshots.some((s) => s?.status === 'submitted' || s?.status === 'streaming');
  const busy = streaming || state.starting;
  const turn = Math.max(0, ...paneSnapshots.map((s) => s?.turns ?? 0));
  const metrics = paneSnapshots.map((s) => (s?.answered ? metricsOf(s.latest) : undefined));
  const leaders = useMemo(() => (streaming ? {} : leadersOf(metrics)), [streaming, metrics]);
  const allAnswered = Boolean(comparison) && paneSnapshots.every((s) => s?.answered);
  const currentVote = state.votes.find((vote) => vote.turn === turn);

  const marksOf = (index: number): PaneMark[] =>
    (['fastest', 'cheapest', 'longest'] as const).filter((mark) => leaders[mark] === index);

  // Images go to the panes whose model can read them; the others get the text and say so.
  const draftKey = comparison ? `compare:${comparison.id}` : 'compare:new';
  const images = useCompareImages(panes, models, paneSnapshots, draftKey);
  const { attachments, handlers } = images;

  const send = (text: string) => {
    const files = attachments.parts();
    attachments.clear();
    const message = files.length > 0 ? { text, files } : { text };
    if (!comparison) {
      void state.start(message, t('compare.imageTitle'));
      return;
    }
    for (const pane of comparison.panes) handles.current.get(pane.conversationId)?.send(message);
  };
  const stopAll = () => {
    for (const handle of handles.current.values()) handle.stop();
  };
  const edit = (next: EditablePane[]) => void state.editPanes(next);
  const defaultPane = (): EditablePane => ({
    model: models?.defaultModel ?? panes[0]?.model ?? '',
    params: { thinking: false },
  });

  const continueWith = async (conversationId: string) => {
    if (!comparison) return;
    try {
      const { conversationId: created } = await continueWithPane(comparison.id, conversationId);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.list() });
      router.push(`/c/${encodeURIComponent(created)}`);
    } catch (error) {
      state.setProblem(error);
    }
  };
  const remove = async () => {
    if (!comparison) return;
    try {
      await deleteComparison(comparison.id);
      queryClient.removeQueries({ queryKey: compareKeys.detail(comparison.id) });
      void queryClient.invalidateQueries({ queryKey: compareKeys.list() });
      newComparison();
      router.push('/compare');
    } catch (error) {
      state.setProblem(error);
    }
  };

  const modelSpecs = models?.models ?? [];
  const problem = useProblemText(state.problem);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop and paste zone for images; the attach button is the keyboard path
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      data-testid="compare-workspace"
      data-busy={busy ? 'true' : 'false'}
      onDragEnter={handlers.onDragEnter}
      onDragOver={handlers.onDragOver}
      onDragLeave={handlers.onDragLeave}
      onDrop={handlers.onDrop}
      onPaste={handlers.onPaste}
    >
      {images.dragging && <DropOverlay />}
      <CompareToolbar
        title={comparison?.title ?? t('compare.new')}
        saved={Boolean(comparison)}
        blind={state.blind}
        paneCount={panes.length}
        busy={busy}
        onAddPane={() => edit(addPane(panes, defaultPane()))}
        onDelete={() => void remove()}
        shareId={canShare ? comparison?.id : undefined}
        comparisonId={comparison?.id}
      />
      <div
        className="flex min-h-0 flex-1 snap-x snap-mandatory gap-3 overflow-x-auto overflow-y-hidden px-3 py-3 md:grid md:snap-none md:grid-rows-[minmax(0,1fr)] md:overflow-x-visible md:px-4"
        style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}
        data-testid="compare-panes"
      >
        {panes.map((pane, index) => {
          const header = (
            <PaneHeader
              index={index}
              pane={pane}
              models={modelSpecs}
              revealed={state.revealed}
              busy={Boolean(
                pane.conversationId &&
                  (snapshots[pane.conversationId]?.status === 'streaming' ||
                    snapshots[pane.conversationId]?.status === 'submitted'),
              )}
              canAdd={panes.length < maxPanes && !busy}
              canRemove={panes.length > minPanes && !busy}
              onChange={(next) => edit(updatePane(panes, index, next))}
              onApplyAll={(name) => edit(applyToAll(panes, index, name))}
              onDuplicate={() => edit(duplicatePane(panes, index))}
              onRemove={() => edit(removePane(panes, index))}
              onStop={pane.conversationId ? () => handles.current.get(pane.conversationId!)?.stop() : undefined}
              onContinue={
                pane.conversationId && snapshots[pane.conversationId]?.answered
                  ? () => void continueWith(pane.conversationId!)
                  : undefined
              }
            />
          );
          return (
            <div
              key={pane.conversationId ?? `draft-${index}`}
              className="flex min-h-0 w-[86vw] max-w-[440px] shrink-0 snap-center flex-col md:w-auto md:max-w-none"
            >
              {pane.conversationId ? (
                <ComparePane
                  pane={pane}
                  conversationId={pane.conversationId}
                  initialMessages={state.transcriptOf(pane.conversationId)}
                  header={header}
                  marks={marksOf(index)}
                  vision={images.visionOf(pane.model)}
                  imagesElsewhere={images.imagesInComparison}
                  autoSend={state.firstQuestionFor(pane.conversationId)}
                  onHandle={onHandle}
                  onSnapshot={onSnapshot}
                  onScroller={registerScroller}
                />
              ) : (
                <section
                  className={cn(
                    'flex min-h-0 flex-1 flex-col overflow-hidden rounded-2xl border border-dashed border-line bg-surface',
                  )}
                  data-testid="compare-pane-draft"
                >
                  {header}
                  <p className="m-auto max-w-[16rem] px-4 text-center text-sm text-ink-faint">
                    {t('compare.draftHint')}
                  </p>
                </section>
              )}
            </div>
          );
        })}
      </div>
      <div className="shrink-0 space-y-2 px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-4">
        <MetricsSummary leaders={leaders} metrics={metrics} />
        {allAnswered && !streaming && turn > 0 && (
          <VoteBar
            paneCount={panes.length}
            turn={turn}
            vote={currentVote}
            disabled={busy}
            onVote={(verdict) => void state.vote(turn, verdict)}
          />
        )}
        {problem && (
          <p role="alert" className="text-center text-sm text-danger" data-testid="compare-problem">
            {problem}
          </p>
        )}
        {images.needsText && (
          <p className="text-center text-xs text-ink-muted" data-testid="compare-images-need-text">
            {t('compare.imagesNeedText')}
          </p>
        )}
        <div className="mx-auto w-full max-w-3xl">
          <Composer
            draftKey={draftKey}
            busy={busy}
            disabled={!models || panes.some((pane) => !pane.model)}
            onSend={send}
            onStop={stopAll}
            attachments={attachments}
            attachDisabledReason={
              images.noVision ? t('compare.attachNoVision') : attachments.allowed ? undefined : t('attach.notAllowed')
            }
            blocked={images.needsText}
          />
        </div>
      </div>
    </div>
  );
}
