import 'server-only';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { listConversationIds, loadTranscript } from '@/lib/db/queries/transcripts';
import { AppError } from '@/lib/errors';
import type { AttachmentSource } from '@/lib/transcript/attachments';
import { toHtmlDocument } from '@/lib/transcript/html';
import { type AttachmentMode, toExportDocument, toJson } from '@/lib/transcript/json';
import { toMarkdown } from '@/lib/transcript/markdown';
import { toPlainText } from '@/lib/transcript/text';

export const exportFormats = ['md', 'json', 'txt', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportQuerySchema = z.object({
  format: z.enum(exportFormats),
  attachments: z.enum(['inline', 'reference']).default('inline'),
});

const contentTypes: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

/** A file name that is safe everywhere: the title's letters and digits (any script), then the id. */
export function exportFilename(title: string, id: string, extension: string): string {
  const slug = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'conversation'}-${id.slice(0, 8)}.${extension}`;
}

interface ExportOptions {
  format: ExportFormat;
  attachments: AttachmentMode;
  source: AttachmentSource;
  now?: Date;
}

export async function exportConversation(
  db: Database,
  ownerId: string,
  conversationId: string,
  options: ExportOptions,
): Promise<ExportedFile> {
  const transcript = await loadTranscript(db, ownerId, conversationId);
  if (!transcript) throw new AppError('not_found:conversation');
  const render = async (): Promise<string> => {
    switch (options.format) {
      case 'md':
        return toMarkdown(transcript);
      case 'txt':
        return toPlainText(transcript);
      case 'json':
        return toJson(await toExportDocument(transcript, { ownerId, ...options }));
      case 'html':
        return toHtmlDocument(transcript, { ownerId, ...options });
    }
  };
  return {
    filename: exportFilename(transcript.title, conversationId, options.format),
    contentType: contentTypes[options.format],
    body: await render(),
  };
}

/** `Content-Disposition` for a download, with the UTF-8 name (RFC 6266) and an ASCII fallback. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Every conversation of `ownerId` as one zip: for each, the JSON export (images inline) and the
 * Markdown. Streamed: the next conversation is loaded only when the reader asks for more, so
 * memory holds about one conversation at a time however many there are.
 */
export function exportArchive(db: Database, ownerId: string, source: AttachmentSource, now = new Date()) {
  const queue: Uint8Array[] = [];
  let done = false;
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else queue.push(chunk);
    if (final) done = true;
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  let ids: { id: string; title: string }[] | undefined;
  let next = 0;
  const manifest: { id: string; title: string; files: string[] }[] = [];

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (queue.length === 0 && !done && !failure) {
        ids ??= await listConversationIds(db, ownerId);
        const item = ids[next++];
        if (!item) {
          add(
            'manifest.json',
            `${JSON.stringify({ exportedAt: now.toISOString(), conversations: manifest }, null, 2)}\n`,
          );
          zip.end();
          break;
        }
        const transcript = await loadTranscript(db, ownerId, item.id);
        if (!transcript || transcript.messages.length === 0) continue;
        const base = `conversations/${exportFilename(item.title, item.id, '')}`.replace(/\.$/, '');
        const document = await toExportDocument(transcript, { ownerId, attachments: 'inline', source, now });
        add(`${base}.json`, toJson(document));
        add(`${base}.md`, toMarkdown(transcript));
        manifest.push({ id: item.id, title: item.title, files: [`${base}.json`, `${base}.md`] });
      }
      if (failure) return controller.error(failure);
      while (queue.length > 0) controller.enqueue(queue.shift()!);
      if (done) controller.close();
    },
  });
}
