import { z } from 'zod';
import { generationParamsSchema } from '@/lib/models';

/**
 * A conversation as a document: what a share snapshot stores, what every exporter renders and what
 * every importer produces. Only the parts a reader sees are kept (text, reasoning, images/files);
 * UI-only parts (step markers, transient data) are dropped. Validated with zod wherever it crosses
 * a boundary (a stored snapshot, an imported file).
 */

const usageSchema = z
  .object({
    inputTokens: z.number().int().min(0),
    cacheHitTokens: z.number().int().min(0),
    cacheMissTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    reasoningTokens: z.number().int().min(0),
    totalTokens: z.number().int().min(0),
  })
  .strict();

/** Generous but bounded: an import is refused rather than stored when a text is larger. */
export const maxPartChars = 1_000_000;

export const transcriptPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(maxPartChars) }).strict(),
  z.object({ type: z.literal('reasoning'), text: z.string().max(maxPartChars) }).strict(),
  z
    .object({
      type: z.literal('file'),
      mediaType: z.string().min(1).max(200),
      filename: z.string().max(500).optional(),
      /** `/api/attachments/<id>` (by reference) or a `data:` URL (inline). */
      url: z.string().max(30_000_000),
    })
    .strict(),
]);

export const transcriptMessageSchema = z
  .object({
    role: z.enum(['user', 'assistant', 'system']),
    status: z.enum(['complete', 'interrupted', 'error']).default('complete'),
    model: z.string().max(200).nullable().default(null),
    createdAt: z.iso.datetime({ offset: true }).nullable().default(null),
    usage: usageSchema.nullable().default(null),
    parts: z.array(transcriptPartSchema).max(1000),
  })
  .strict();

export const transcriptSchema = z
  .object({
    title: z.string().min(1).max(500),
    model: z.string().min(1).max(200),
    params: generationParamsSchema.default({}),
    systemPrompt: z.string().max(maxPartChars).nullable().default(null),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    messages: z.array(transcriptMessageSchema).min(1).max(5000),
  })
  .strict();

export type TranscriptPart = z.infer<typeof transcriptPartSchema>;
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;

/** The text of a message's `text` parts (reasoning excluded). */
export function textOf(message: Pick<TranscriptMessage, 'parts'>): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

/** A transcript without reasoning parts (a share that leaves reasoning out). */
export function withoutReasoning(transcript: Transcript): Transcript {
  return {
    ...transcript,
    messages: transcript.messages.map((message) => ({
      ...message,
      parts: message.parts.filter((part) => part.type !== 'reasoning'),
    })),
  };
}
