import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ComparisonPane, PaneConfig, VoteVerdict } from '@/lib/compare/types';
import { AppError } from '@/lib/errors';
import type { GenerationParams } from '@/lib/models';
import type { Database, Transaction } from '../client';
import { type Comparison, type ComparisonVote, comparisons, comparisonVotes, conversations, messages } from '../schema';

/*
 * Owner-scoped like conversations.ts: another user's comparison is `undefined`, never a throw.
 * A pane's conversation carries `comparison_id`, so it stays out of the conversation list and is
 * deleted with its comparison (foreign key cascade).
 */

export interface NewPane {
  model: string;
  params: GenerationParams;
  /** duplicate: start from a copy of this pane's history */
  copyOf?: string;
}

export interface PaneUpdate extends NewPane {
  /** an existing pane of this comparison; absent → a new pane */
  conversationId?: string;
}

export async function createComparison(
  db: Database,
  ownerId: string,
  input: { title: string; blind: boolean; panes: readonly NewPane[] },
): Promise<Comparison> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const panes: ComparisonPane[] = input.panes.map((pane) => ({
      conversationId: randomUUID(),
      model: pane.model,
      params: pane.params,
    }));
    const [row] = await tx
      .insert(comparisons)
      .values({ id, ownerId, title: input.title, blind: input.blind, panes })
      .returning();
    await tx.insert(conversations).values(panes.map((pane) => paneConversation(ownerId, id, input.title, pane)));
    return row!;
  });
}

export async function getComparison(db: Database, ownerId: string, id: string): Promise<Comparison | undefined> {
  const [row] = await db.select().from(comparisons).where(owned(ownerId, id));
  return row;
}

/** Most recent activity first: a turn in any pane counts, not only edits of the comparison. */
export async function listComparisons(db: Database, ownerId: string, limit = 50): Promise<Comparison[]> {
  const activity = sql<Date>`greatest(${comparisons.updatedAt}, coalesce((select max(${conversations.updatedAt}) from ${conversations} where ${conversations.comparisonId} = ${comparisons.id}), ${comparisons.updatedAt}))`;
  return db
    .select()
    .from(comparisons)
    .where(eq(comparisons.ownerId, ownerId))
    .orderBy(desc(activity), desc(comparisons.id))
    .limit(limit);
}

/**
 * Replaces the pane list: kept panes keep their conversation, new ones get an empty one (or a copy of
 * the pane they duplicate), dropped ones are deleted. Undefined when the comparison is not this user's.
 */
export async function updateComparison(
  db: Database,
  ownerId: string,
  id: string,
  input: { title?: string; blind?: boolean; panes?: readonly PaneUpdate[] },
): Promise<Comparison | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(comparisons).where(owned(ownerId, id)).for('update');
    if (!current) return undefined;
    let panes = current.panes;
    if (input.panes) {
      const existing = new Set(current.panes.map((pane) => pane.conversationId));
      const kept = new Set<string>();
      panes = [];
      for (const pane of input.panes) {
        if (pane.conversationId !== undefined) {
          if (!existing.has(pane.conversationId) || kept.has(pane.conversationId)) {
            throw new AppError('bad_request:compare', {
              message: 'A pane names a conversation of another comparison.',
            });
          }
          kept.add(pane.conversationId);
          panes.push({ conversationId: pane.conversationId, model: pane.model, params: pane.params });
          continue;
        }
        if (pane.copyOf !== undefined && !existing.has(pane.copyOf)) {
          throw new AppError('bad_request:compare', { message: 'The pane to duplicate is not in this comparison.' });
        }
        const created: ComparisonPane = { conversationId: randomUUID(), model: pane.model, params: pane.params };
        await tx.insert(conversations).values(paneConversation(ownerId, id, current.title, created));
        if (pane.copyOf) await copyMessages(tx, ownerId, pane.copyOf, created.conversationId);
        panes.push(created);
      }
      const dropped = [...existing].filter((conversationId) => !kept.has(conversationId));
      if (dropped.length > 0) {
        await tx
          .delete(conversations)
          .where(and(eq(conversations.ownerId, ownerId), inArray(conversations.id, dropped)));
      }
    }
    const [row] = await tx
      .update(comparisons)
      .set({
        panes,
        ...(input.title !== undefined && { title: input.title }),
        ...(input.blind !== undefined && { blind: input.blind }),
        updatedAt: new Date(),
      })
      .where(owned(ownerId, id))
      .returning();
    return row;
  });
}

/** Deletes the comparison, its votes and (by cascade) its panes' conversations. */
export async function deleteComparison(db: Database, ownerId: string, id: string): Promise<boolean> {
  const rows = await db.delete(comparisons).where(owned(ownerId, id)).returning({ id: comparisons.id });
  return rows.length > 0;
}

/** The panes' conversations, for reading their settings and histories. */
export async function listPaneConversations(db: Database, ownerId: string, comparisonId: string) {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.ownerId, ownerId), eq(conversations.comparisonId, comparisonId)));
}

/** Stores one verdict; a second vote on the same turn throws `conflict:compare`. */
export async function castVote(
  db: Database,
  ownerId: string,
  comparisonId: string,
  input: { turn: number; verdict: VoteVerdict; configs: PaneConfig[] },
): Promise<ComparisonVote> {
  const [row] = await db
    .insert(comparisonVotes)
    .values({
      comparisonId,
      ownerId,
      turn: input.turn,
      outcome: input.verdict.outcome,
      winner: input.verdict.outcome === 'win' ? input.verdict.winner : null,
      configs: input.configs,
    })
    .onConflictDoNothing({ target: [comparisonVotes.comparisonId, comparisonVotes.turn] })
    .returning();
  if (!row) throw new AppError('conflict:compare', { message: 'This turn already has a vote.' });
  return row;
}

export async function listComparisonVotes(db: Database, ownerId: string, comparisonId: string) {
  return db
    .select()
    .from(comparisonVotes)
    .where(and(eq(comparisonVotes.ownerId, ownerId), eq(comparisonVotes.comparisonId, comparisonId)))
    .orderBy(asc(comparisonVotes.turn));
}

/** Every vote (one user's, or the instance's when `ownerId` is undefined), oldest first. */
export async function listVotesForLeaderboard(db: Database, ownerId: string | undefined) {
  return db
    .select({ outcome: comparisonVotes.outcome, winner: comparisonVotes.winner, configs: comparisonVotes.configs })
    .from(comparisonVotes)
    .where(ownerId === undefined ? undefined : eq(comparisonVotes.ownerId, ownerId))
    .orderBy(asc(comparisonVotes.createdAt), asc(comparisonVotes.id));
}

function paneConversation(ownerId: string, comparisonId: string, title: string, pane: ComparisonPane) {
  return {
    id: pane.conversationId,
    ownerId,
    comparisonId,
    title,
    model: pane.model,
    params: pane.params,
  };
}

async function copyMessages(tx: Transaction, ownerId: string, from: string, to: string): Promise<void> {
  const rows = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.ownerId, ownerId), eq(messages.conversationId, from)))
    .orderBy(asc(messages.position));
  if (rows.length === 0) return;
  const ids = new Map(rows.map((row) => [row.id, `msg-${randomUUID()}`]));
  await tx.insert(messages).values(
    rows.map((row) => ({
      ...row,
      id: ids.get(row.id)!,
      conversationId: to,
      parentId: row.parentId ? (ids.get(row.parentId) ?? null) : null,
      metadata: { ...row.metadata, conversationId: to },
    })),
  );
}

function owned(ownerId: string, id: string) {
  return and(eq(comparisons.id, id), eq(comparisons.ownerId, ownerId));
}
