import type { Preset } from '@/lib/db/schema';
import type { PresetView } from '@/lib/playground/presets';

export function presetView(row: Preset): PresetView {
  return { id: row.id, name: row.name, builtIn: false, params: row.params, updatedAt: row.updatedAt.toISOString() };
}
