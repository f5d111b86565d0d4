import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requestIp } from '@/lib/policy';
import { admitShareLookup } from '@/lib/share/lookup-limit';
import { openShare, type PublicShare } from '@/lib/share/service';
import { getAttachmentSource } from '@/lib/transcript/attachments';
import { type RenderedMessage, renderTranscript } from '@/lib/transcript/rendered';

export type LoadedShare =
  | { kind: 'ok'; share: PublicShare; messages: RenderedMessage[] }
  | { kind: 'missing' }
  | { kind: 'limited'; retryAfterSeconds: number };

/**
 * One lookup per request (metadata and page share it through React's `cache`): the per-address
 * limit, then the live share (counting one view), then the messages rendered for display.
 */
export const loadShare = cache(async (token: string): Promise<LoadedShare> => {
  try {
    await admitShareLookup(requestIp({ headers: await headers() }));
  } catch (error) {
    if (error instanceof AppError && error.type === 'rate_limit') {
      return { kind: 'limited', retryAfterSeconds: error.retryAfterSeconds ?? 60 };
    }
    throw error;
  }
  const share = await openShare(await getDb(), token);
  if (!share) return { kind: 'missing' };
  // Stored images load through the token-scoped image route (not megabytes of base64 in the
  // page); imported data-URL images are already inline.
  const messages = await renderTranscript(share.snapshot, {
    ownerId: share.ownerId,
    source: getAttachmentSource(),
    imageUrl: (id) => `/share/${token}/images/${id}`,
  });
  return { kind: 'ok', share, messages };
});
