import 'server-only';
import { getDb } from '@/lib/db/client';
import { ensureLocalUser } from '@/lib/db/queries/users';

export interface CurrentUser {
  id: string;
  role: 'admin' | 'user' | 'guest';
}

let localUser: Promise<CurrentUser> | undefined;

/**
 * The signed-in user. Until accounts exist, every request acts as the single local user;
 * every query already takes this id, so accounts slot in here without touching callers.
 */
export async function requireUser(_req: Request): Promise<CurrentUser> {
  localUser ??= getDb()
    .then((db) => ensureLocalUser(db))
    .then((user) => ({ id: user.id, role: 'admin' as const }))
    .catch((error) => {
      localUser = undefined;
      throw error;
    });
  return localUser;
}
