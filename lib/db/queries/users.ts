import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { type User, users } from '../schema';

/** The one user of an instance without accounts; it owns everything until sign-in lands. */
export const LOCAL_USER_ID = 'local';

/**
 * Returns the local user, creating it on first call. Safe when several requests (or instances)
 * race: the insert does nothing if another one got there first. It is an admin because it is the
 * operator's own instance.
 */
export async function ensureLocalUser(db: Database): Promise<User> {
  await db.insert(users).values({ id: LOCAL_USER_ID, name: 'Local user', role: 'admin' }).onConflictDoNothing();
  const user = await getUser(db, LOCAL_USER_ID);
  if (!user) throw new Error('the local user vanished right after it was ensured');
  return user;
}

export async function getUser(db: Database, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
