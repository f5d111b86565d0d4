import { z } from 'zod';
import { auditStatuses, cacheStatuses } from '@/lib/db/schema';

const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const empty = (value: unknown) => (value === '' ? undefined : value);

/** GET /api/admin/audit query: filters, keyset paging (`before`), and `format=csv` for an export. */
export const auditQuerySchema = z.object({
  user: z.preprocess(empty, z.string().max(320).optional()),
  route: z.preprocess(
    empty,
    z
      .string()
      .regex(/^[a-z-]{1,40}$/)
      .optional(),
  ),
  model: z.preprocess(empty, z.string().max(128).optional()),
  status: z.preprocess(empty, z.enum(auditStatuses).optional()),
  cache: z.preprocess(empty, z.enum(cacheStatuses).optional()),
  requestId: z.preprocess(empty, z.string().max(128).optional()),
  flagged: z
    .preprocess(empty, z.enum(['true', 'false']).optional())
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  from: z.preprocess(empty, date.optional()),
  to: z.preprocess(empty, date.optional()),
  before: z.preprocess(empty, date.optional()),
  limit: z.preprocess(empty, z.coerce.number().int().min(1).max(200).default(50)),
  format: z.preprocess(empty, z.enum(['json', 'csv']).default('json')),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
