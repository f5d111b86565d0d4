import { z } from 'zod';
import { limitOverridesSchema } from '@/lib/policy/limit-overrides';

export const userUpdateSchema = z
  .object({
    disabled: z.boolean().optional(),
    role: z.enum(['admin', 'user']).optional(),
    /** Per-user quota overrides (`null` per field = unlimited); `null` clears them all. */
    limitOverrides: limitOverridesSchema.nullable().optional(),
  })
  .strict()
  .refine(
    (value) => value.disabled !== undefined || value.role !== undefined || value.limitOverrides !== undefined,
    'Change disabled, role or limitOverrides.',
  );
