import { imageResponse } from '@/lib/attachments';
import { getDb } from '@/lib/db/client';
import { shareImage } from '@/lib/share/service';

type Params = { token: string; id: string };

/**
 * An image of a public share (no sign-in): only attachments the snapshot references, read as the
 * sharer's; everything else is a plain 404. Not cached for long: a revoked share stops serving
 * its images at once.
 */
export async function GET(_req: Request, { params }: { params: Promise<Params> }): Promise<Response> {
  const { token, id } = await params;
  const stored = /^[0-9a-f-]{36}$/.test(id) ? await shareImage(await getDb(), token, id) : undefined;
  if (!stored) return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  const response = imageResponse(stored, 'private, no-cache');
  response.headers.set('referrer-policy', 'no-referrer');
  response.headers.set('x-robots-tag', 'noindex');
  return response;
}
