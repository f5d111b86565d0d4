import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import { createDatabase, type Database } from '@/lib/db/client';
import { type User, users } from '@/lib/db/schema';

/**
 * Fresh, migrated databases for tests. Postgres tests use TEST_DATABASE_URL (a server where the
 * role may create databases); set it to `none` to run only the PGlite half of each suite.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const postgresDisabled = testDatabaseUrl === 'none';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** An in-memory PGlite with every migration applied. */
export async function freshPglite(): Promise<TestDatabase> {
  return createDatabase({ memory: true });
}

/** Connection string of `database` on the same server as TEST_DATABASE_URL. */
export function urlForDatabase(database: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database `studio_t_<random>` on the test server; `drop` removes it. */
export async function createEmptyPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `studio_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  return { url: urlForDatabase(name), drop: () => dropDatabase(name) };
}

/**
 * pg's `Pool.end()` resolves before its sockets have closed, so the database can still look busy
 * for a moment: retry, and only force (which kills leaked connections) as a last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (client) => {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await client.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // object_in_use
        await setTimeout(25);
      }
    }
    await client.query(`drop database if exists ${name} with (force)`);
  });
}

/** A migrated database of its own on the test server; `close` drops it. */
export async function freshPostgres(): Promise<TestDatabase & { url: string }> {
  const empty = await createEmptyPostgres();
  try {
    const handle = await createDatabase({ url: empty.url });
    return {
      ...handle,
      url: empty.url,
      close: async () => {
        await handle.close();
        await empty.drop();
      },
    };
  } catch (error) {
    await empty.drop();
    throw error;
  }
}

export interface DatabaseSuite {
  /** The suite's database; valid inside tests and hooks. */
  readonly db: Database;
  readonly kind: DatabaseKind;
}

/**
 * Runs the same suite once on PGlite and once on Postgres, each with one fresh database for the
 * whole suite. Tests share it, so each should create its own users (`createTestUser`).
 */
export function describeEachDatabase(name: string, fn: (suite: DatabaseSuite) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const run = kind === 'postgres' && postgresDisabled ? describe.skip : describe;
    run(`${name} [${kind}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = kind === 'pglite' ? await freshPglite() : await freshPostgres();
      });
      afterAll(async () => {
        await handle?.close();
      });
      fn({
        kind,
        get db() {
          if (!handle) throw new Error('the test database is only available inside tests and hooks');
          return handle.db;
        },
      });
    });
  }
}

/** Inserts a user with a random id. */
export async function createTestUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const id = randomUUID();
  const [user] = await db
    .insert(users)
    .values({ id, name: `user ${id.slice(0, 8)}`, email: `${id}@example.test`, ...overrides })
    .returning();
  return user!;
}

/** A one-text-part message with a random id. */
export function textMessage(role: ChatMessage['role'], text: string, id: string = randomUUID()): ChatMessage {
  return { id, role, parts: [{ type: 'text', text }] };
}
