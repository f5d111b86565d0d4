import 'server-only';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { ShareSnapshot } from '@/lib/transcript/comparison';
import type { Database } from '../client';
import { comparisons, conversations, type Share, type ShareKind, shares } from '../schema';

/*
 * Share rows. Changes go through `findShareFor`, which returns a share only to its owner or an
 * admin: anyone else's share behaves exactly like an unknown one (the route answers 404). Every
 * time comparison takes `now` from the caller, so expiry follows the app's clock (fake in tests).
 */

/** Exactly one source: a conversation or a comparison (the table's check constraint agrees). */
export type ShareSource = { kind: 'conversation'; id: string } | { kind: 'comparison'; id: string };

export interface NewShare {
  source: ShareSource;
  tokenHash: string;
  tokenSealed: string;
  snapshot: ShareSnapshot;
  includeReasoning: boolean;
  expiresAt: Date | null;
  now: Date;
}

export async function insertShare(db: Database, ownerId: string, input: NewShare): Promise<Share> {
  const [row] = await db
    .insert(shares)
    .values({
      ownerId,
      kind: input.source.kind,
      conversationId: input.source.kind === 'conversation' ? input.source.id : null,
      comparisonId: input.source.kind === 'comparison' ? input.source.id : null,
      tokenHash: input.tokenHash,
      tokenSealed: input.tokenSealed,
      snapshot: input.snapshot,
      includeReasoning: input.includeReasoning,
      expiresAt: input.expiresAt,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return row!;
}

export type ShareListItem = Omit<Share, 'snapshot' | 'tokenHash'> & {
  title: string;
  messageCount: number;
  /** The source conversation or comparison still exists (the snapshot outlives it). */
  sourceExists: boolean;
};

export async function listSharesOf(db: Database, ownerId: string): Promise<ShareListItem[]> {
  const rows = await db
    .select({
      share: shares,
      title: sql<string>`${shares.snapshot}->>'title'`,
      // A comparison snapshot counts the messages of all its panes.
      messageCount: sql<number>`coalesce(jsonb_array_length(${shares.snapshot}->'messages'), (select coalesce(sum(jsonb_array_length(pane->'messages')), 0) from jsonb_array_elements(${shares.snapshot}->'panes') as pane))`,
      conversationId: conversations.id,
      comparisonId: comparisons.id,
    })
    .from(shares)
    .leftJoin(conversations, and(eq(conversations.id, shares.conversationId), eq(conversations.ownerId, ownerId)))
    .leftJoin(comparisons, and(eq(comparisons.id, shares.comparisonId), eq(comparisons.ownerId, ownerId)))
    .where(eq(shares.ownerId, ownerId))
    .orderBy(desc(shares.createdAt), desc(shares.id));
  return rows.map(({ share, title, messageCount, conversationId, comparisonId }) => {
    const { snapshot: _snapshot, tokenHash: _hash, ...rest } = share;
    const source: Record<ShareKind, string | null> = { conversation: conversationId, comparison: comparisonId };
    return { ...rest, title, messageCount: Number(messageCount), sourceExists: source[share.kind] !== null };
  });
}

/** The share if `actor` owns it or is an admin; otherwise undefined. */
export async function findShareFor(
  db: Database,
  actor: { id: string; role: string },
  id: string,
): Promise<Share | undefined> {
  const owned = actor.role === 'admin' ? eq(shares.id, id) : and(eq(shares.id, id), eq(shares.ownerId, actor.id));
  const [row] = await db.select().from(shares).where(owned);
  return row;
}

export async function updateShareRow(
  db: Database,
  id: string,
  changes: Partial<Pick<Share, 'snapshot' | 'includeReasoning' | 'expiresAt' | 'revokedAt'>> & { updatedAt: Date },
): Promise<Share | undefined> {
  const [row] = await db.update(shares).set(changes).where(eq(shares.id, id)).returning();
  return row;
}

/** The live share behind a token hash without counting a view (its images load separately). */
export async function findLiveShareByHash(db: Database, tokenHash: string, now: Date): Promise<Share | undefined> {
  const [row] = await db
    .select()
    .from(shares)
    .where(
      and(
        eq(shares.tokenHash, tokenHash),
        isNull(shares.revokedAt),
        or(isNull(shares.expiresAt), gt(shares.expiresAt, now)),
      ),
    )
    .limit(1);
  return row;
}

/**
 * The live share behind a token hash, counting the view in the same statement; undefined when
 * unknown, revoked or expired at `now`.
 */
export async function viewShareByHash(db: Database, tokenHash: string, now: Date): Promise<Share | undefined> {
  const [row] = await db
    .update(shares)
    .set({ viewCount: sql`${shares.viewCount} + 1` })
    .where(
      and(
        eq(shares.tokenHash, tokenHash),
        isNull(shares.revokedAt),
        or(isNull(shares.expiresAt), gt(shares.expiresAt, now)),
      ),
    )
    .returning();
  return row;
}
