import { z } from 'zod';
import { env } from '@/lib/env';
import { generationParamsSchema } from '@/lib/models';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

const textPart = z.object({ type: z.literal('text'), text: z.string() });

const userMessageSchema = z
  .object({
    id: idSchema,
    role: z.literal('user'),
    parts: z.array(textPart).min(1).max(32),
    metadata: z.unknown().optional(),
  })
  .superRefine((message, ctx) => {
    const length = message.parts.reduce((sum, part) => sum + part.text.length, 0);
    if (message.parts.every((part) => part.text.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: 'The message is empty.' });
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
  /** Cache this answer even above temperature 0 (thinking off only; see lib/gateway/chat.ts). */
  cache: z.boolean().optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
