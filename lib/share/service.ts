import 'server-only';
import { type AttachmentBytes, attachmentIdOf, readAttachmentBytes } from '@/lib/attachments';
import { adoptImageParts, dataUrlBytes } from '@/lib/attachments/adopt';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db/client';
import { loadComparisonSnapshot } from '@/lib/db/queries/comparison-snapshots';
import { createConversationWithMessages } from '@/lib/db/queries/conversation-copies';
import type { ShareSource } from '@/lib/db/queries/shares';
import {
  findLiveShareByHash,
  findShareFor,
  insertShare,
  listSharesOf,
  type ShareListItem,
  updateShareRow,
  viewShareByHash,
} from '@/lib/db/queries/shares';
import { loadTranscript } from '@/lib/db/queries/transcripts';
import type { Comparison, Conversation, Share, ShareKind } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import {
  comparisonWithoutReasoning,
  isComparisonSnapshot,
  type PublicComparison,
  publicComparison,
  type ShareSnapshot,
} from '@/lib/transcript/comparison';
import { type Transcript, withoutReasoning } from '@/lib/transcript/types';
import { copyComparisonSnapshot } from './comparison-copy';
import { expiresAtFor, type ShareExpiry, type ShareState, shareState } from './expiry';
import { hashShareToken, isShareTokenShape, newShareToken, sealShareToken, unsealShareToken } from './token';

/**
 * Share links: a read-only snapshot of a conversation or a comparison behind a random token. Both
 * kinds share everything but the snapshot itself: token, sealing, expiry, revoke, view count. `now` comes from the
 * caller everywhere (the route passes the request time; tests move a fake clock).
 */

type Actor = Pick<CurrentUser, 'id' | 'role'>;

/** What the owner's list and the API return; never the token hash, the token only when known. */
export interface ShareView {
  id: string;
  kind: ShareKind;
  /** The source: exactly one of the two is set, as `kind` says. */
  conversationId: string | null;
  comparisonId: string | null;
  title: string;
  /** A comparison counts the messages of all its panes. */
  messageCount: number;
  /** The source conversation or comparison still exists (the snapshot outlives it). */
  sourceExists: boolean;
  includeReasoning: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  viewCount: number;
  state: ShareState;
  /** `/share/<token>`; null when the token can no longer be unsealed (the session secret changed). */
  path: string | null;
}

export const sharePath = (token: string) => `/share/${token}`;

function sourceOf(share: Pick<Share, 'kind' | 'conversationId' | 'comparisonId'>): ShareSource {
  return share.kind === 'comparison'
    ? { kind: 'comparison', id: share.comparisonId! }
    : { kind: 'conversation', id: share.conversationId! };
}

async function snapshotFor(
  db: Database,
  ownerId: string,
  source: ShareSource,
  includeReasoning: boolean,
): Promise<ShareSnapshot> {
  if (source.kind === 'comparison') {
    const comparison = await loadComparisonSnapshot(db, ownerId, source.id);
    if (!comparison) throw new AppError('not_found:compare');
    if (comparison.panes.every((pane) => pane.messages.length === 0)) {
      throw new AppError('bad_request:share', { message: 'An empty comparison cannot be shared.' });
    }
    return includeReasoning ? comparison : comparisonWithoutReasoning(comparison);
  }
  const transcript = await loadTranscript(db, ownerId, source.id);
  if (!transcript) throw new AppError('not_found:conversation');
  if (transcript.messages.length === 0) {
    throw new AppError('bad_request:share', { message: 'An empty conversation cannot be shared.' });
  }
  return includeReasoning ? transcript : withoutReasoning(transcript);
}

function messageCountOf(snapshot: ShareSnapshot): number {
  return isComparisonSnapshot(snapshot)
    ? snapshot.panes.reduce((sum, pane) => sum + pane.messages.length, 0)
    : snapshot.messages.length;
}

function toView(share: ShareListItem | Share, now: Date, extra?: Partial<ShareView>): ShareView {
  const snapshot = 'snapshot' in share ? share.snapshot : undefined;
  const token = unsealShareToken(share.tokenSealed);
  return {
    id: share.id,
    kind: share.kind,
    conversationId: share.conversationId,
    comparisonId: share.comparisonId,
    title: 'title' in share ? share.title : (snapshot?.title ?? ''),
    messageCount: 'messageCount' in share ? share.messageCount : snapshot ? messageCountOf(snapshot) : 0,
    sourceExists: 'sourceExists' in share ? share.sourceExists : true,
    includeReasoning: share.includeReasoning,
    createdAt: share.createdAt.toISOString(),
    updatedAt: share.updatedAt.toISOString(),
    expiresAt: share.expiresAt?.toISOString() ?? null,
    revokedAt: share.revokedAt?.toISOString() ?? null,
    viewCount: share.viewCount,
    state: shareState(share, now),
    path: token ? sharePath(token) : null,
    ...extra,
  };
}

export async function createShare(
  db: Database,
  owner: Actor,
  input: ({ conversationId: string } | { comparisonId: string }) & { expiry: ShareExpiry; includeReasoning: boolean },
  now = new Date(),
): Promise<ShareView> {
  const source: ShareSource =
    'comparisonId' in input
      ? { kind: 'comparison', id: input.comparisonId }
      : { kind: 'conversation', id: input.conversationId };
  const snapshot = await snapshotFor(db, owner.id, source, input.includeReasoning);
  const token = newShareToken();
  const share = await insertShare(db, owner.id, {
    source,
    tokenHash: hashShareToken(token),
    tokenSealed: sealShareToken(token),
    snapshot,
    includeReasoning: input.includeReasoning,
    expiresAt: expiresAtFor(input.expiry, now),
    now,
  });
  return toView(share, now, { path: sharePath(token) });
}

export async function listShares(db: Database, owner: Actor, now = new Date()): Promise<ShareView[]> {
  return (await listSharesOf(db, owner.id)).map((share) => toView(share, now));
}

export interface ShareChanges {
  /** Take a new snapshot of the conversation (or comparison) as it is now. */
  refreshSnapshot?: boolean;
  includeReasoning?: boolean;
  /** A new expiry counted from now. */
  expiry?: ShareExpiry;
}

/** Owner or admin only; anyone else gets `not_found:share`. A revoked share cannot be changed. */
export async function updateShare(
  db: Database,
  actor: Actor,
  id: string,
  changes: ShareChanges,
  now = new Date(),
): Promise<ShareView> {
  const share = await findShareFor(db, actor, id);
  if (!share) throw new AppError('not_found:share');
  if (share.revokedAt) throw new AppError('conflict:share', { message: 'This link was revoked; create a new one.' });
  const includeReasoning = changes.includeReasoning ?? share.includeReasoning;
  const reshoot = changes.refreshSnapshot || includeReasoning !== share.includeReasoning;
  const updated = await updateShareRow(db, share.id, {
    updatedAt: now,
    includeReasoning,
    ...(reshoot ? { snapshot: await snapshotFor(db, share.ownerId, sourceOf(share), includeReasoning) } : {}),
    ...(changes.expiry ? { expiresAt: expiresAtFor(changes.expiry, now) } : {}),
  });
  if (!updated) throw new AppError('not_found:share');
  return toView(updated, now);
}

/** Owner or admin only. Idempotent: revoking a revoked share keeps its first revocation time. */
export async function revokeShare(db: Database, actor: Actor, id: string, now = new Date()): Promise<ShareView> {
  const share = await findShareFor(db, actor, id);
  if (!share) throw new AppError('not_found:share');
  if (share.revokedAt) return toView(share, now);
  const updated = await updateShareRow(db, share.id, { revokedAt: now, updatedAt: now });
  return toView(updated ?? share, now);
}

interface PublicShareBase {
  ownerId: string;
  sharedAt: string;
  includeReasoning: boolean;
}

/** What the public page may show: a comparison's hidden model names are already blanked out. */
export type PublicShare =
  | (PublicShareBase & { kind: 'conversation'; snapshot: Transcript })
  | (PublicShareBase & { kind: 'comparison'; snapshot: PublicComparison });

/** The live share row behind a token, counting one view; undefined for any token that is not live. */
async function liveShare(db: Database, token: string, now: Date): Promise<Share | undefined> {
  if (!isShareTokenShape(token)) return undefined;
  return viewShareByHash(db, hashShareToken(token), now);
}

/**
 * The snapshot behind a token, counting one view; `undefined` for a malformed, unknown, revoked or
 * expired token (all the same 404). Rate limiting is the caller's (it knows the client address).
 */
export async function openShare(db: Database, token: string, now = new Date()): Promise<PublicShare | undefined> {
  const share = await liveShare(db, token, now);
  if (!share) return undefined;
  const base = {
    ownerId: share.ownerId,
    sharedAt: share.updatedAt.toISOString(),
    includeReasoning: share.includeReasoning,
  };
  const { snapshot } = share;
  return isComparisonSnapshot(snapshot)
    ? { ...base, kind: 'comparison', snapshot: publicComparison(snapshot) }
    : { ...base, kind: 'conversation', snapshot };
}

/**
 * One image of a live share (`GET /share/<token>/images/<id>`): served only when the snapshot
 * itself references the attachment, read as the sharer's. Anything else — another attachment of
 * the same owner, someone else's, a revoked or expired share — is undefined (404).
 */
export async function shareImage(
  db: Database,
  token: string,
  attachmentId: string,
  now = new Date(),
): Promise<AttachmentBytes | undefined> {
  if (!isShareTokenShape(token)) return undefined;
  const share = await findLiveShareByHash(db, hashShareToken(token), now);
  if (!share) return undefined;
  const { snapshot } = share;
  const messages = isComparisonSnapshot(snapshot) ? snapshot.panes.flatMap((pane) => pane.messages) : snapshot.messages;
  const referenced = messages.some((message) =>
    message.parts.some((part) => part.type === 'file' && attachmentIdOf(part.url) === attachmentId),
  );
  return referenced ? readAttachmentBytes(share.ownerId, attachmentId, db) : undefined;
}

export type ShareCopy = { conversation: Conversation } | { comparison: Comparison };

/**
 * "Continue as a copy": a conversation snapshot becomes a new conversation of `viewer`, a
 * comparison snapshot a new comparison (see `copyComparisonSnapshot`).
 */
export async function copyShare(db: Database, viewer: Actor, token: string, now = new Date()): Promise<ShareCopy> {
  const share = await liveShare(db, token, now);
  if (!share) throw new AppError('not_found:share');
  const { snapshot } = share;
  if (isComparisonSnapshot(snapshot)) return { comparison: await copyComparisonSnapshot(db, viewer.id, snapshot) };
  // Its images become attachments of the viewer (re-checked and re-encoded like an upload), so the
  // copy can send them to a vision model and keeps them if the sharer deletes theirs; an image that
  // is gone becomes a short note.
  const images = await adoptImageParts(db, viewer.id, snapshot.messages, async (part) => {
    const id = attachmentIdOf(part.url);
    if (id) return (await readAttachmentBytes(share.ownerId, id, db))?.bytes;
    return dataUrlBytes(part.url);
  });
  const conversation = await createConversationWithMessages(db, viewer.id, {
    title: snapshot.title,
    model: snapshot.model,
    params: snapshot.params,
    systemPrompt: snapshot.systemPrompt,
    messages: images.messages.map((message) => ({
      role: message.role,
      status: message.status,
      model: message.model,
      usage: message.usage,
      parts: message.parts,
    })),
  });
  await images.claim(db, conversation.id);
  return { conversation };
}
