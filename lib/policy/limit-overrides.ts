import { z } from 'zod';

// Kept apart from roles.ts, which client code imports (`can`), so zod stays out of the app shell's bundle.
/** What an admin may set on one user; absent fields fall back to the role's default. */
export const limitOverridesSchema = z
  .object({
    requestsPerMinute: z.number().int().min(0).nullable(),
    requestsPerDay: z.number().int().min(0).nullable(),
    tokensPerDay: z.number().int().min(0).nullable(),
    concurrentStreams: z.number().int().min(0).nullable(),
  })
  .partial()
  .strict();
