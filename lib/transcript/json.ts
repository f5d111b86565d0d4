import { z } from 'zod';
import { type AttachmentSource, attachmentIdOf, imageDataUrl } from './attachments';
import { type Transcript, transcriptSchema } from './types';

/**
 * The app's own export format, version 1 (documented in docs/EXPORT-FORMAT.md). Import accepts
 * exactly this schema (strict: unknown keys are an error, so a typo is not silently dropped).
 */
export const exportFormatId = 'deepseek-studio.conversation';
export const exportFormatVersion = 1;

export const conversationExportSchema = z
  .object({
    format: z.literal(exportFormatId),
    version: z.literal(exportFormatVersion),
    exportedAt: z.iso.datetime({ offset: true }),
    /** How file parts carry images: `inline` (data URLs where available) or `reference`. */
    attachments: z.enum(['inline', 'reference']),
    conversation: transcriptSchema,
  })
  .strict();

export type ConversationExport = z.infer<typeof conversationExportSchema>;

export type AttachmentMode = ConversationExport['attachments'];

export async function toExportDocument(
  transcript: Transcript,
  options: { ownerId: string; attachments: AttachmentMode; source: AttachmentSource; now?: Date },
): Promise<ConversationExport> {
  const conversation =
    options.attachments === 'inline' ? await inlineImages(transcript, options.ownerId, options.source) : transcript;
  return {
    format: exportFormatId,
    version: exportFormatVersion,
    exportedAt: (options.now ?? new Date()).toISOString(),
    attachments: options.attachments,
    conversation,
  };
}

/** File parts that refer to an attachment become data URLs (left as references when unavailable). */
async function inlineImages(transcript: Transcript, ownerId: string, source: AttachmentSource): Promise<Transcript> {
  const messages = await Promise.all(
    transcript.messages.map(async (message) => ({
      ...message,
      parts: await Promise.all(
        message.parts.map(async (part) => {
          if (part.type !== 'file' || !attachmentIdOf(part.url)) return part;
          const url = await imageDataUrl(part, ownerId, source);
          return url ? { ...part, url } : part;
        }),
      ),
    })),
  );
  return { ...transcript, messages };
}

export function toJson(document: ConversationExport): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
