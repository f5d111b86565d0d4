'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { EditablePane } from '@/lib/compare/panes';
import type { VoteVerdict } from '@/lib/compare/types';
import {
  type ComparisonDetail,
  type ComparisonSummary,
  type ComparisonVoteRow,
  compareKeys,
  comparisonQueryOptions,
  createComparison,
  updateComparison,
  voteOnComparison,
} from '@/lib/query/compare';
import { modelsQueryOptions } from '@/lib/query/models';
import { useCompareStore } from '@/lib/stores/compare-store';
import type { ComposerMessage } from './types';

/**
 * The comparison being edited: an unsaved draft (panes in the compare store) until the first
 * question creates it on the server; then its panes and votes, kept in step with the API.
 */
export function useComparison(saved: ComparisonDetail | undefined) {
  const queryClient = useQueryClient();
  const models = useQuery(modelsQueryOptions()).data;
  const draftPanes = useCompareStore((state) => state.draftPanes);
  const setDraftPanes = useCompareStore((state) => state.setDraftPanes);
  const draftBlind = useCompareStore((state) => state.blind);
  const [comparison, setComparison] = useState<ComparisonSummary | undefined>(saved?.comparison);
  const [votes, setVotes] = useState<ComparisonVoteRow[]>(saved?.votes ?? []);
  /** Stored transcripts for panes as they mount (a duplicated pane starts with a copied history). */
  const [transcripts, setTranscripts] = useState<ComparisonDetail['messages']>(saved?.messages ?? {});
  const [problem, setProblem] = useState<unknown>();
  /** The first question of a new comparison, sent by each pane when it mounts. */
  const [firstQuestion, setFirstQuestion] = useState<{ message: ComposerMessage; panes: string[] } | undefined>();
  const [starting, setStarting] = useState(false);

  const defaultModel = models?.defaultModel ?? '';
  const panes: EditablePane[] = useMemo(
    () => comparison?.panes ?? draftPanes.map((pane) => ({ ...pane, model: pane.model || defaultModel })),
    [comparison, draftPanes, defaultModel],
  );

  const refreshLists = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: compareKeys.list() });
  }, [queryClient]);

  const editPanes = useCallback(
    async (next: EditablePane[]) => {
      setProblem(undefined);
      if (!comparison) {
        setDraftPanes(next);
        return;
      }
      try {
        const { comparison: updated } = await updateComparison(comparison.id, { panes: next });
        if (next.some((pane) => pane.copyOf)) {
          const detail = await queryClient.fetchQuery({ ...comparisonQueryOptions(updated.id), staleTime: 0 });
          setTranscripts((previous) => ({ ...detail.messages, ...previous }));
        }
        setComparison(updated);
        refreshLists();
      } catch (error) {
        setProblem(error);
      }
    },
    [comparison, setDraftPanes, refreshLists, queryClient],
  );

  /** Creates the comparison with the draft's panes; the panes then send `message` as they mount. */
  const start = useCallback(
    async (message: ComposerMessage, imageTitle: string) => {
      setProblem(undefined);
      setStarting(true);
      try {
        const { comparison: created } = await createComparison({
          title: message.text.replace(/\s+/g, ' ').trim().slice(0, 80) || imageTitle,
          blind: draftBlind,
          panes: panes.map(({ model, params }) => ({ model, params })),
        });
        setFirstQuestion({ message, panes: created.panes.map((pane) => pane.conversationId) });
        setComparison(created);
        setVotes([]);
        // Next's router syncs with history.replaceState: the URL changes, the panes stay mounted.
        window.history.replaceState(null, '', `/compare/${encodeURIComponent(created.id)}`);
        refreshLists();
      } catch (error) {
        setProblem(error);
      } finally {
        setStarting(false);
      }
    },
    [draftBlind, panes, refreshLists],
  );

  const vote = useCallback(
    async (turn: number, verdict: VoteVerdict) => {
      if (!comparison) return;
      setProblem(undefined);
      try {
        const { vote: stored } = await voteOnComparison(comparison.id, { turn, verdict });
        setVotes((list) => [...list, stored]);
        void queryClient.invalidateQueries({ queryKey: [...compareKeys.all, 'leaderboard'] });
      } catch (error) {
        setProblem(error);
      }
    },
    [comparison, queryClient],
  );

  return {
    models,
    comparison,
    panes,
    votes,
    transcriptOf: (conversationId: string) => transcripts[conversationId] ?? [],
    blind: comparison?.blind ?? draftBlind,
    // The draft is set up in the open; a saved blind comparison (panes shuffled) hides names until a vote.
    revealed: !comparison?.blind || votes.length > 0,
    /** the question a pane sends when it mounts, if it is one of the panes just created */
    firstQuestionFor: (conversationId: string) =>
      firstQuestion?.panes.includes(conversationId) ? firstQuestion.message : undefined,
    starting,
    problem,
    setProblem,
    editPanes,
    start,
    vote,
  };
}
