import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { type CopiedMessage, createConversationWithMessages } from '@/lib/db/queries/conversation-copies';
import { type Comparison, comparisons, conversations } from '@/lib/db/schema';
import type { ComparisonSnapshot } from '@/lib/transcript/comparison';
import type { TranscriptMessage } from '@/lib/transcript/types';

/** Attachment references point at the sharer's files, which a copy cannot read: keep text only. */
export function copiedMessages(messages: readonly TranscriptMessage[]): CopiedMessage[] {
  return messages.map((message) => ({
    role: message.role,
    status: message.status,
    model: message.model,
    usage: message.usage,
    parts: message.parts.map((part) =>
      part.type === 'file' ? { type: 'text' as const, text: `[${part.filename ?? part.mediaType}]` } : part,
    ),
  }));
}

/**
 * "Continue as a copy" of a comparison snapshot: a new comparison of `ownerId` whose panes are new
 * conversations holding each pane's messages, in one transaction. The sharer's votes stay theirs
 * (the copy starts unvoted). A snapshot taken before the names were revealed becomes a blind
 * comparison, so the viewer learns the models exactly as the owner would: by voting.
 */
export async function copyComparisonSnapshot(
  db: Database,
  ownerId: string,
  snapshot: ComparisonSnapshot,
): Promise<Comparison> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const panes = snapshot.panes.map((pane) => ({
      conversationId: randomUUID(),
      model: pane.model,
      params: pane.params,
    }));
    const [comparison] = await tx
      .insert(comparisons)
      .values({ id, ownerId, title: snapshot.title, blind: snapshot.blind && !snapshot.revealed, panes })
      .returning();
    for (const [index, pane] of panes.entries()) {
      const messages = snapshot.panes[index]?.messages ?? [];
      const conversation = { id: pane.conversationId, title: snapshot.title, model: pane.model, params: pane.params };
      if (messages.length === 0) {
        await tx.insert(conversations).values({ ...conversation, ownerId, comparisonId: id });
      } else {
        // A savepoint inside this transaction: a failing pane undoes the whole copy.
        await createConversationWithMessages(tx, ownerId, {
          ...conversation,
          comparisonId: id,
          messages: copiedMessages(messages),
        });
      }
    }
    return comparison!;
  });
}
