import { queryOptions } from '@tanstack/react-query';
import type { ChatMessage } from '@/lib/chat/types';
import type { LeaderboardEntry } from '@/lib/compare/rating';
import type { ComparisonPane, PaneConfig, VoteVerdict } from '@/lib/compare/types';
import type { GenerationParams } from '@/lib/models';
import { apiFetch } from './api';

/** A comparison as the API returns it (dates as ISO strings). */
export interface ComparisonSummary {
  id: string;
  title: string;
  blind: boolean;
  panes: ComparisonPane[];
  createdAt: string;
  updatedAt: string;
}

export interface ComparisonVoteRow {
  id: string;
  turn: number;
  outcome: 'win' | 'tie' | 'bad';
  winner: number | null;
  configs: PaneConfig[];
  createdAt: string;
}

/** `GET /api/compare/:id` */
export interface ComparisonDetail {
  comparison: ComparisonSummary;
  /** per pane conversation id */
  messages: Record<string, ChatMessage[]>;
  votes: ComparisonVoteRow[];
}

export interface Leaderboard {
  scope: 'me' | 'instance';
  votes: number;
  entries: LeaderboardEntry[];
}

/** A pane's settings in a create or update request. */
export interface PaneSettings {
  model: string;
  params: GenerationParams;
}

export type PaneUpdate = PaneSettings & { conversationId?: string; copyOf?: string };

export const compareKeys = {
  all: ['compare'] as const,
  list: () => [...compareKeys.all, 'list'] as const,
  detail: (id: string) => [...compareKeys.all, 'detail', id] as const,
  leaderboard: (scope: 'me' | 'instance') => [...compareKeys.all, 'leaderboard', scope] as const,
};

const path = (id: string) => `/api/compare/${encodeURIComponent(id)}`;

export function comparisonListQueryOptions() {
  return queryOptions({
    queryKey: compareKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ items: ComparisonSummary[] }>('/api/compare', { signal }),
  });
}

export function comparisonQueryOptions(id: string) {
  return queryOptions({
    queryKey: compareKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<ComparisonDetail>(path(id), { signal }),
    // The panes' useChat sessions own the live transcripts; refetching would not reach them.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function leaderboardQueryOptions(scope: 'me' | 'instance') {
  return queryOptions({
    queryKey: compareKeys.leaderboard(scope),
    queryFn: ({ signal }) => apiFetch<Leaderboard>(`/api/compare/leaderboard?scope=${scope}`, { signal }),
  });
}

export function createComparison(input: { title: string; blind: boolean; panes: PaneSettings[] }) {
  return apiFetch<{ comparison: ComparisonSummary }>('/api/compare', { method: 'POST', body: JSON.stringify(input) });
}

export function updateComparison(id: string, input: { title?: string; blind?: boolean; panes?: PaneUpdate[] }) {
  return apiFetch<{ comparison: ComparisonSummary }>(path(id), { method: 'PATCH', body: JSON.stringify(input) });
}

export function deleteComparison(id: string) {
  return apiFetch<void>(path(id), { method: 'DELETE' });
}

export function voteOnComparison(id: string, input: { turn: number; verdict: VoteVerdict }) {
  return apiFetch<{ vote: ComparisonVoteRow }>(`${path(id)}/vote`, { method: 'POST', body: JSON.stringify(input) });
}

export function continueWithPane(id: string, conversationId: string) {
  return apiFetch<{ conversationId: string }>(`${path(id)}/continue`, {
    method: 'POST',
    body: JSON.stringify({ conversationId }),
  });
}
