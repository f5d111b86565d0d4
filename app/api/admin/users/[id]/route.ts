import { getDb } from '@/lib/db/client';
import { updateUser } from '@/lib/db/queries/users';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { userUpdateSchema } from '../schema';

/**
 * PATCH /api/admin/users/:id — disable (ends every session at once), enable, change the role
 * or set / clear (`null`) the quota overrides.
 */
export const PATCH = handler<{ id: string }, typeof userUpdateSchema>(
  { surface: 'auth', route: 'admin', body: userUpdateSchema, maxBodyBytes: 1024 },
  async ({ params, user, body }) => {
    // An admin may set their own quotas, but not lock themselves out.
    if (params.id === user.id && (body.disabled !== undefined || body.role !== undefined)) {
      throw new AppError('bad_request:auth', { message: 'You cannot disable yourself or change your own role.' });
    }
    const updated = await updateUser(await getDb(), params.id, body);
    if (!updated) throw new AppError('not_found:auth', { message: 'No such user.' });
    return Response.json({ user: updated });
  },
);
