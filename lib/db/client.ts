import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { env } from '@/lib/env';
import * as schema from './schema';

/** The query surface both drivers share; every query in `lib/db/queries` is written against it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; it has the same query surface as `Database`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A Postgres connection string; wins over the PGlite options. */
  url?: string;
  /** PGlite's data directory, created if missing. */
  dataDir?: string;
  /** An in-memory PGlite (tests). */
  memory?: boolean;
}

// Resolved from the working directory, not import.meta.url: under `next start` this module runs
// from a bundle inside .next/, while the SQL files stay in the source tree.
const migrationsFolder = path.join(process.cwd(), 'lib/db/migrations');

/** Arbitrary, fixed: every instance of the app serialises its migrations on this key. */
const MIGRATION_LOCK_KEY = 7_362_001_001;

/** Opens a connection and applies pending migrations before returning it. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url);
  if (options.memory) return openPglite(undefined);
  if (options.dataDir) return openPglite(options.dataDir);
  throw new Error('createDatabase needs a url, a dataDir or memory: true');
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url });
  // An idle client dying (database restart) must not take the process down; the pool reconnects.
  // A dropped idle connection is replaced by the pool; record it without the logger, which is
  // server-only while this module also runs in plain Node scripts.
  pool.on('error', (error) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'error', msg: 'idle Postgres client error', err: error.message })}\n`,
    ),
  );
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzlePg({ client: pool, schema }), kind: 'postgres', close: () => pool.end() };
}

/**
 * Several instances may start at once against one database. The migrator's "which migrations ran"
 * check is not concurrency-safe, so each instance takes a session advisory lock and runs the
 * migrator on that same connection; the second one in finds everything applied.
 */
async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** PGlite is one in-process connection: nothing else can open the same dataDir meanwhile. */
async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  try {
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return { db, kind: 'pglite', close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}

// Next's dev server re-evaluates modules on reload and bundles each route separately; the handle
// lives on globalThis so all of them share one pool (or one PGlite, which must never open twice).
const globalForDb = globalThis as typeof globalThis & { __studioDb?: Promise<DatabaseHandle> };

/** The app's one connection, opened (and migrated) on first use. */
export function getDb(): Promise<Database> {
  return getHandle().then((handle) => handle.db);
}

function getHandle(): Promise<DatabaseHandle> {
  if (!globalForDb.__studioDb) {
    const opening = createDatabase(
      env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(env.DATA_DIR, 'pglite') },
    );
    // A failed start (database down) is retried by the next caller instead of cached forever.
    opening.catch(() => {
      if (globalForDb.__studioDb === opening) globalForDb.__studioDb = undefined;
    });
    globalForDb.__studioDb = opening;
  }
  return globalForDb.__studioDb;
}

/** Closes the app's connection (graceful shutdown); the next `getDb()` opens a new one. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.__studioDb;
  globalForDb.__studioDb = undefined;
  const handle = await opening?.catch(() => undefined);
  await handle?.close();
}
