import { getDb } from '@/lib/db/client';
import { deletePreset, updatePreset } from '@/lib/db/queries/presets';
import { AppError } from '@/lib/errors';
import { handler } from '@/lib/http/handler';
import { isBuiltInId, presetUpdateSchema } from '@/lib/playground/presets';
import { presetView } from '../view';

type Params = { id: string };

const readOnly = () => new AppError('forbidden:preset', { message: 'Built-in presets cannot be changed.' });

/** PATCH /api/presets/:id — rename and/or replace the parameters of one of the caller's presets. */
export const PATCH = handler<Params, typeof presetUpdateSchema>(
  { surface: 'preset', route: 'presets', body: presetUpdateSchema },
  async ({ user, params, body }) => {
    if (isBuiltInId(params.id)) throw readOnly();
    const row = await updatePreset(await getDb(), user.id, params.id, body);
    if (!row) throw new AppError('not_found:preset');
    return Response.json(presetView(row));
  },
);

/** DELETE /api/presets/:id */
export const DELETE = handler<Params>({ surface: 'preset', route: 'presets' }, async ({ user, params }) => {
  if (isBuiltInId(params.id)) throw readOnly();
  if (!(await deletePreset(await getDb(), user.id, params.id))) throw new AppError('not_found:preset');
  return new Response(null, { status: 204 });
});
