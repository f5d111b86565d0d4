import { getDb } from '@/lib/db/client';
import { updateUser } from '@/lib/db/queries/users';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { userUpdateSchema } from '../schema';

/** PATCH /api/admin/users/:id — disable (ends every session at once), enable, or change the role. */
export const PATCH = handler<{ id: string }, typeof userUpdateSchema>(
  { surface: 'auth', route: 'admin', body: userUpdateSchema, maxBodyBytes: 1024 },
  async ({ params, user, body }) => {
    if (params.id === user.id) {
      throw new AppError('bad_request:auth', { message: 'You cannot disable yourself or change your own role.' });
    }
    const updated = await updateUser(await getDb(), params.id, body);
    if (!updated) throw new AppError('not_found:auth', { message: 'No such user.' });
    return Response.json({ user: updated });
  },
);
