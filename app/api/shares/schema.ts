import { z } from 'zod';
import { shareExpiries } from '@/lib/share/expiry';

const shareExpirySchema = z.enum(shareExpiries);

const shareOptions = {
  expiry: shareExpirySchema.default('7d'),
  includeReasoning: z.boolean().default(false),
};

/** Exactly one source: `conversationId` or `comparisonId`. */
export const createShareSchema = z.union([
  z.object({ conversationId: z.string().min(1).max(200), ...shareOptions }).strict(),
  z.object({ comparisonId: z.string().min(1).max(200), ...shareOptions }).strict(),
]);

export const updateShareSchema = z
  .object({
    refreshSnapshot: z.boolean().optional(),
    includeReasoning: z.boolean().optional(),
    expiry: shareExpirySchema.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'Nothing to change.');

export const copyShareSchema = z.object({ token: z.string().min(1).max(200) }).strict();

/** Share ids are UUIDs; anything else is the same 404 as an unknown or foreign id. */
export const shareIdSchema = z.uuid();
