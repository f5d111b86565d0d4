import { AppError } from '@/lib/errors';
import { comparisonIdSchema } from '../schema';

export type Params = { id: string };

/** Unknown, malformed and other users' ids all answer the same 404. */
export function comparisonId(params: Params): string {
  const parsed = comparisonIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError('not_found:compare');
  return parsed.data;
}
