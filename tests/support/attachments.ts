import { eq } from 'drizzle-orm';
import { attachments } from '@/lib/db/schema';
import type { TestApp, TestSession } from './app';

/** Upload and inspection helpers for the attachment and vision route tests. */
export async function attachmentRoutes(app: TestApp) {
  const collection = await import('@/app/api/attachments/route');
  const item = await import('@/app/api/attachments/[id]/route');
  const analysis = await import('@/app/api/vision/analysis/route');

  type Body = Uint8Array | ReadableStream<Uint8Array>;
  const bodyInit = (body: Body): RequestInit =>
    body instanceof ReadableStream ? ({ body, duplex: 'half' } as RequestInit) : { body: new Uint8Array(body) };

  function upload(
    session: TestSession,
    body: Body,
    options: { contentType?: string; filename?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/octet-stream' };
    if (options.filename) headers['x-filename'] = options.filename;
    return collection.POST(session.request('/api/attachments', { method: 'POST', headers, ...bodyInit(body) }));
  }

  function uploadForm(session: TestSession, form: FormData, path = '/api/attachments'): Promise<Response> {
    const route = path.startsWith('/api/vision') ? analysis.POST : collection.POST;
    return route(session.request(path, { method: 'POST', body: form }));
  }

  async function uploaded(session: TestSession, bytes: Uint8Array, options: { contentType?: string } = {}) {
    const response = await upload(session, bytes, options);
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    return (
      (await response.json()) as {
        attachment: { id: string; url: string; width: number; height: number; mediaType: string };
      }
    ).attachment;
  }

  const fetchAttachment = (session: TestSession, id: string) =>
    item.GET(session.request(`/api/attachments/${id}`), app.params({ id }));

  const analyse = (session: TestSession, body: Body, query = '', headers: Record<string, string> = {}) =>
    analysis.POST(
      session.request(`/api/vision/analysis${query}`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', ...headers },
        ...bodyInit(body),
      }),
    );

  const rowsOf = (ownerId: string) => app.db.select().from(attachments).where(eq(attachments.ownerId, ownerId));

  return { upload, uploadForm, uploaded, fetchAttachment, analyse, rowsOf, limits: collection.GET };
}

/** A user message carrying text and attachment images, as the browser sends it. */
export function messageWithImages(
  text: string,
  images: readonly { url: string; mediaType: string }[],
  id = `m${Math.random().toString(36).slice(2, 10)}`,
) {
  return {
    id,
    role: 'user' as const,
    parts: [
      ...images.map((image) => ({ type: 'file' as const, mediaType: image.mediaType, url: image.url })),
      ...(text ? [{ type: 'text' as const, text }] : []),
    ],
  };
}
