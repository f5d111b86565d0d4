import { z } from 'zod';

export const userUpdateSchema = z
  .object({ disabled: z.boolean().optional(), role: z.enum(['admin', 'user']).optional() })
  .strict()
  .refine((value) => value.disabled !== undefined || value.role !== undefined, 'Change disabled or role.');
