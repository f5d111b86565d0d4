import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type ComparisonSnapshot, paneLabel } from '@/lib/transcript/comparison';
import type { Database } from '../client';
import { messages } from '../schema';
import { getComparison, listComparisonVotes, listPaneConversations } from './comparisons';
import { toTranscript } from './transcripts';

/**
 * A stored comparison as a `ComparisonSnapshot` (share snapshots, exports): every pane's messages
 * in order, each pane's settings as its conversation holds them (the ones its last turn used), and
 * the votes. Owner-scoped: a foreign or unknown id is `undefined`.
 */
export async function loadComparisonSnapshot(
  db: Database,
  ownerId: string,
  comparisonId: string,
): Promise<ComparisonSnapshot | undefined> {
  const comparison = await getComparison(db, ownerId, comparisonId);
  if (!comparison) return undefined;
  const ids = comparison.panes.map((pane) => pane.conversationId);
  const [conversations, rows, votes] = await Promise.all([
    listPaneConversations(db, ownerId, comparisonId),
    ids.length === 0
      ? []
      : db
          .select()
          .from(messages)
          .where(and(eq(messages.ownerId, ownerId), inArray(messages.conversationId, ids)))
          .orderBy(asc(messages.position)),
    listComparisonVotes(db, ownerId, comparisonId),
  ]);
  const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  const panes = comparison.panes.flatMap((pane, index) => {
    const conversation = byId.get(pane.conversationId);
    if (!conversation) return [];
    const transcript = toTranscript(
      conversation,
      rows.filter((row) => row.conversationId === pane.conversationId),
    );
    return [
      {
        label: paneLabel(index),
        model: conversation.model,
        params: conversation.params,
        messages: transcript.messages,
      },
    ];
  });
  return {
    kind: 'comparison',
    title: comparison.title,
    blind: comparison.blind,
    // The owner's view: a blind comparison shows model names once any turn has a vote.
    revealed: !comparison.blind || votes.length > 0,
    createdAt: comparison.createdAt.toISOString(),
    updatedAt: comparison.updatedAt.toISOString(),
    panes,
    votes: votes.map((vote) => ({ turn: vote.turn, outcome: vote.outcome, winner: vote.winner })),
  };
}
