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

type Shared<K extends PublicShare['kind']> = Extract<PublicShare, { kind: K }>;

export type LoadedShare =
  | { kind: 'conversation'; share: Shared<'conversation'>; messages: RenderedMessage[] }
  /** `panes[i]` is the rendered messages of `share.snapshot.panes[i]` */
  | { kind: 'comparison'; share: Shared<'comparison'>; panes: RenderedMessage[][] }
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
  const options = {
    ownerId: share.ownerId,
    source: getAttachmentSource(),
    imageUrl: (id: string) => `/share/${token}/images/${id}`,
  };
  if (share.kind === 'comparison') {
    const panes: RenderedMessage[][] = [];
    for (const pane of share.snapshot.panes) panes.push(await renderTranscript(pane, options));
    return { kind: 'comparison', share, panes };
  }
  return { kind: 'conversation', share, messages: await renderTranscript(share.snapshot, options) };
});
