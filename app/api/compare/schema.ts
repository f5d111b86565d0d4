import { z } from 'zod';
import { maxPanes } from '@/lib/compare/types';
import { generationParamsSchema } from '@/lib/models';

const paneSettings = {
  model: z.string().min(1).max(128),
  params: generationParamsSchema.strict().default({}),
};

const title = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'The title is empty.').max(200, 'The title is longer than 200 characters.'));

/** More panes than allowed are refused by the schema; fewer by the service (same message either way). */
const panes = <T extends z.ZodType>(pane: T) =>
  z.array(pane).max(maxPanes, `A comparison has at most ${maxPanes} panes.`);

export const createComparisonSchema = z.strictObject({
  title,
  blind: z.boolean().default(false),
  panes: panes(z.strictObject(paneSettings)),
});

export const updateComparisonSchema = z.strictObject({
  title: title.optional(),
  blind: z.boolean().optional(),
  panes: panes(
    z.strictObject({
      ...paneSettings,
      /** an existing pane; absent → a new pane */
      conversationId: z.string().uuid().optional(),
      /** a new pane starting from a copy of this pane's history (duplicate) */
      copyOf: z.string().uuid().optional(),
    }),
  ).optional(),
});

export const voteSchema = z.strictObject({
  /** 1-based: the question being judged */
  turn: z.number().int().min(1).max(10_000),
  verdict: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('win'),
      winner: z
        .number()
        .int()
        .min(0)
        .max(maxPanes - 1),
    }),
    z.strictObject({ outcome: z.literal('tie') }),
    z.strictObject({ outcome: z.literal('bad') }),
  ]),
});

export const continueSchema = z.strictObject({ conversationId: z.string().uuid() });

export const comparisonIdSchema = z.string().uuid();

export const leaderboardQuerySchema = z.object({ scope: z.enum(['me', 'instance']).default('me') });
