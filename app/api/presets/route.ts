import { getDb } from '@/lib/db/client';
import { createPreset, listPresets } from '@/lib/db/queries/presets';
import { handler } from '@/lib/http/handler';
import { builtInPresets, newPresetSchema } from '@/lib/playground/presets';
import { presetView } from './view';

/** GET /api/presets — the built-in presets, then the caller's own. */
export const GET = handler({ surface: 'preset', route: 'presets' }, async ({ user }) => {
  const own = await listPresets(await getDb(), user.id);
  return Response.json({ items: [...builtInPresets, ...own.map(presetView)] });
});

/** POST /api/presets — save the current parameters under a new name. */
export const POST = handler({ surface: 'preset', route: 'presets', body: newPresetSchema }, async ({ user, body }) => {
  const row = await createPreset(await getDb(), user.id, body);
  return Response.json(presetView(row), { status: 201 });
});
