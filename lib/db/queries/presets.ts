import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { MAX_PRESETS } from '@/lib/playground/presets';
import type { PlaygroundParams } from '@/lib/playground/state';
import type { Database } from '../client';
import { type Preset, presets } from '../schema';

/*
 * Owner-scoped like every query: another user's preset behaves exactly like one that does not
 * exist (undefined / false). A name is unique per user (`conflict:preset`).
 */

const owned = (ownerId: string, id: string) => and(eq(presets.ownerId, ownerId), eq(presets.id, id));

export function listPresets(db: Database, ownerId: string): Promise<Preset[]> {
  return db.select().from(presets).where(eq(presets.ownerId, ownerId)).orderBy(asc(presets.name));
}

export async function createPreset(
  db: Database,
  ownerId: string,
  input: { name: string; params: PlaygroundParams },
): Promise<Preset> {
  const [total] = await db.select({ n: count() }).from(presets).where(eq(presets.ownerId, ownerId));
  if ((total?.n ?? 0) >= MAX_PRESETS) {
    throw new AppError('bad_request:preset', { message: `You can keep at most ${MAX_PRESETS} presets.` });
  }
  const [row] = await db
    .insert(presets)
    .values({ ownerId, name: input.name, params: input.params })
    .onConflictDoNothing()
    .returning();
  if (!row) throw nameTaken(input.name);
  return row;
}

export async function updatePreset(
  db: Database,
  ownerId: string,
  id: string,
  change: { name?: string; params?: PlaygroundParams },
): Promise<Preset | undefined> {
  try {
    const [row] = await db
      .update(presets)
      .set({ ...change, updatedAt: new Date() })
      .where(owned(ownerId, id))
      .returning();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(change.name ?? '');
    throw error;
  }
}

export async function deletePreset(db: Database, ownerId: string, id: string): Promise<boolean> {
  const rows = await db.delete(presets).where(owned(ownerId, id)).returning({ id: presets.id });
  return rows.length > 0;
}

const nameTaken = (name: string) =>
  new AppError('conflict:preset', { message: `You already have a preset named “${name}”.` });

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
