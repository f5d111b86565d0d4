import { z } from 'zod';

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(512).optional(),
});

export const renameSchema = z.object({
  title: z
    .string()
    .transform((title) => title.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'The title is empty.').max(200, 'The title is longer than 200 characters.')),
});

export const conversationIdSchema = z.string().uuid();
