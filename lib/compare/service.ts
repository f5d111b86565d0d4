import 'server-only';
import { randomInt } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isGenerating } from '@/lib/chat/active';
import type { ChatMessage } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { loadComparisonSnapshot } from '@/lib/db/queries/comparison-snapshots';
import {
  castVote,
  createComparison,
  deleteComparison,
  getComparison,
  listComparisons,
  listComparisonVotes,
  listPaneConversations,
  listVotesForLeaderboard,
  type NewPane,
  type PaneUpdate,
  updateComparison,
} from '@/lib/db/queries/comparisons';
import { createConversationWithMessages } from '@/lib/db/queries/conversation-copies';
import { listMessages } from '@/lib/db/queries/messages';
import type { Comparison, ComparisonVote } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { GenerationParams } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { assertModelAllowed } from '@/lib/policy/roles';
import { publicComparison } from '@/lib/transcript/comparison';
import { comparisonToMarkdown, toComparisonDocument } from '@/lib/transcript/comparison-export';
import { exportFilename } from '@/lib/transfer/export';
import { paneConfig } from './config';
import { rankConfigurations } from './rating';
import { maxPanes, minPanes, type PaneConfig, type VoteVerdict } from './types';

/** What `GET /api/compare/:id` returns: the comparison, each pane's transcript, the votes so far. */
export interface ComparisonDetail {
  comparison: Comparison;
  messages: Record<string, ChatMessage[]>;
  votes: ComparisonVote[];
}

/** Every pane checked against the registry and the caller's role before anything is stored. */
function checkPanes(user: CurrentUser, panes: readonly { model: string; params: GenerationParams }[]): void {
  if (panes.length < minPanes || panes.length > maxPanes) {
    throw new AppError('bad_request:compare', {
      message: `A comparison has ${minPanes} to ${maxPanes} panes (got ${panes.length}).`,
    });
  }
  const registry = getRegistry();
  for (const pane of panes) assertModelAllowed(user.role, paneConfig(registry, pane.model, pane.params).model);
}

export async function startComparison(
  user: CurrentUser,
  input: { title: string; blind: boolean; panes: NewPane[] },
): Promise<Comparison> {
  checkPanes(user, input.panes);
  // Blind: the person set the panes up, so their order would give the answer away. Shuffled once here.
  const panes = input.blind ? shuffled(input.panes) : input.panes;
  return createComparison(await getDb(), user.id, { ...input, panes });
}

export async function comparisonsOf(user: CurrentUser): Promise<Comparison[]> {
  return listComparisons(await getDb(), user.id);
}

export async function comparisonDetail(user: CurrentUser, id: string): Promise<ComparisonDetail> {
  const db = await getDb();
  const comparison = await getComparison(db, user.id, id);
  if (!comparison) throw new AppError('not_found:compare');
  const [transcripts, votes] = await Promise.all([
    Promise.all(comparison.panes.map((pane) => listMessages(db, user.id, pane.conversationId))),
    listComparisonVotes(db, user.id, id),
  ]);
  const messages = Object.fromEntries(
    comparison.panes.map((pane, index) => [pane.conversationId, transcripts[index] ?? []]),
  );
  return { comparison, messages, votes };
}

export async function editComparison(
  user: CurrentUser,
  id: string,
  input: { title?: string; blind?: boolean; panes?: PaneUpdate[] },
): Promise<Comparison> {
  if (input.panes) checkPanes(user, input.panes);
  const updated = await updateComparison(await getDb(), user.id, id, input);
  if (!updated) throw new AppError('not_found:compare');
  return updated;
}

export async function removeComparison(user: CurrentUser, id: string): Promise<void> {
  if (!(await deleteComparison(await getDb(), user.id, id))) throw new AppError('not_found:compare');
}

/**
 * One verdict on the latest answers of every pane. The configurations recorded are the ones those
 * answers were generated with (each pane conversation keeps the settings of its last turn).
 */
export async function voteOnTurn(
  user: CurrentUser,
  id: string,
  input: { turn: number; verdict: VoteVerdict },
): Promise<ComparisonVote> {
  const db = await getDb();
  const comparison = await getComparison(db, user.id, id);
  if (!comparison) throw new AppError('not_found:compare');
  const { verdict } = input;
  if (verdict.outcome === 'win' && verdict.winner >= comparison.panes.length) {
    throw new AppError('bad_request:compare', { message: `There is no pane ${verdict.winner + 1}.` });
  }
  const conversations = new Map(
    (await listPaneConversations(db, user.id, id)).map((conversation) => [conversation.id, conversation]),
  );
  const transcripts = await Promise.all(comparison.panes.map((pane) => listMessages(db, user.id, pane.conversationId)));
  const turns = Math.max(...transcripts.map((list) => list.filter((message) => message.role === 'user').length));
  if (input.turn > turns) throw new AppError('bad_request:compare', { message: `There is no turn ${input.turn} yet.` });
  if (transcripts.some((list) => list.at(-1)?.role !== 'assistant')) {
    throw new AppError('bad_request:compare', { message: 'Every pane needs an answer before a vote.' });
  }
  if (comparison.panes.some((pane) => isGenerating(pane.conversationId))) {
    throw new AppError('conflict:compare', { message: 'Wait until every answer is finished.' });
  }
  const registry = getRegistry();
  const configs = comparison.panes.map((pane): PaneConfig => {
    const stored = conversations.get(pane.conversationId);
    const model = stored?.model ?? pane.model;
    const params = stored?.params ?? pane.params;
    try {
      return paneConfig(registry, model, params);
    } catch {
      // A model removed from the catalog since: still one distinct entry.
      return { key: `${model};removed`, model, thinking: Boolean(params.thinking) };
    }
  });
  return castVote(db, user.id, id, { turn: input.turn, verdict, configs });
}

/** "Continue with this one": the pane's history as a new, ordinary conversation. */
export async function continueWithPane(user: CurrentUser, id: string, conversationId: string): Promise<string> {
  const db = await getDb();
  const comparison = await getComparison(db, user.id, id);
  if (!comparison) throw new AppError('not_found:compare');
  const pane = comparison.panes.find((candidate) => candidate.conversationId === conversationId);
  if (!pane) throw new AppError('not_found:conversation', { message: 'This pane is not part of the comparison.' });
  const history = await listMessages(db, user.id, conversationId);
  if (history.length === 0) throw new AppError('bad_request:compare', { message: 'This pane has no messages yet.' });
  const created = await createConversationWithMessages(db, user.id, {
    title: comparison.title,
    model: pane.model,
    params: pane.params,
    messages: history.map((message) => ({
      role: message.role,
      parts: message.parts,
      metadata: message.metadata,
      status: message.metadata?.status,
      model: message.metadata?.model,
      usage: message.metadata?.usage,
    })),
  });
  return created.id;
}

export async function leaderboard(user: CurrentUser, scope: 'me' | 'instance') {
  const votes = await listVotesForLeaderboard(await getDb(), scope === 'me' ? user.id : undefined);
  const entries = rankConfigurations(
    votes.map((vote) => ({
      configs: vote.configs,
      ...(vote.outcome === 'win' ? { outcome: 'win' as const, winner: vote.winner ?? -1 } : { outcome: vote.outcome }),
    })),
  );
  return { scope, votes: votes.length, entries };
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The comparison as a file: Markdown (one section per pane) or JSON; blind names as the owner sees them. */
export async function exportComparison(
  user: CurrentUser,
  id: string,
  format: 'md' | 'json',
): Promise<{ filename: string; contentType: string; body: string }> {
  const snapshot = await loadComparisonSnapshot(await getDb(), user.id, id);
  if (!snapshot) throw new AppError('not_found:compare');
  const comparison = publicComparison(snapshot);
  const filename = exportFilename(comparison.title, id, format);
  return format === 'md'
    ? { filename, contentType: 'text/markdown; charset=utf-8', body: comparisonToMarkdown(comparison) }
    : {
        filename,
        contentType: 'application/json; charset=utf-8',
        body: `${JSON.stringify(toComparisonDocument(comparison), null, 2)}\n`,
      };
}
