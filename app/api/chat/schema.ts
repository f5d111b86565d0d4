import { z } from 'zod';
import { env } from '@/lib/env';
import { generationParamsSchema } from '@/lib/models';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

const textPart = z.object({ type: z.literal('text'), text: z.string() });
/** An uploaded image, by its attachment URL; the turn checks ownership and inlines the bytes. */
const imagePart = z
  .object({
    type: z.literal('file'),
    mediaType: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
    url: z
      .string()
      .regex(/^\/api\/attachments\/[0-9a-f-]{36}$/, 'must be an uploaded attachment (/api/attachments/<id>)'),
    filename: z.string().max(200).optional(),
  })
  .strip();
const part = z.discriminatedUnion('type', [textPart, imagePart]);

const userMessageSchema = z
  .object({
    id: idSchema,
    role: z.literal('user'),
    parts: z.array(part).min(1).max(32),
    metadata: z.unknown().optional(),
  })
  .superRefine((message, ctx) => {
    const texts = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []));
    const length = texts.reduce((sum, text) => sum + text.length, 0);
    const images = message.parts.length - texts.length;
    if (images === 0 && texts.every((text) => text.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: 'The message is empty.' });
    }
    if (images > env.ATTACHMENTS_PER_MESSAGE) {
      ctx.addIssue({
        code: 'custom',
        path: ['parts'],
        message: `A message may carry at most ${env.ATTACHMENTS_PER_MESSAGE} images; this one has ${images}.`,
      });
    }
    if (length > env.CHAT_MAX_MESSAGE_CHARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['parts'],
        message: `The message is ${length} characters long; the limit is ${env.CHAT_MAX_MESSAGE_CHARS}.`,
      });
    }
  })
  // Client metadata is never trusted; the server writes its own.
  .transform(({ metadata: _ignored, ...message }) => message);

export const chatRequestSchema = z.object({
  /** context id of an existing conversation; absent → a new one */
  id: z.string().uuid().optional(),
  message: userMessageSchema,
  trigger: z.enum(['submit-message', 'regenerate-message', 'continue-message']).default('submit-message'),
  messageId: idSchema.optional(),
  model: z.string().min(1).max(128),
  params: generationParamsSchema.strict().default({}),
  system: z.string().max(32_000).optional(),
  /** Send this turn without the conversation's images (the picked model cannot see them). */
  dropImages: z.boolean().optional(),
  /** Cache this answer even above temperature 0 (thinking off only; see lib/gateway/chat.ts). */
  cache: z.boolean().optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
