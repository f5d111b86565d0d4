import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmptyPostgres, createTestUser, testDatabaseUrl } from '@/tests/support/db';
import { createDatabase, type Database, type DatabaseHandle } from './client';
import { users } from './schema';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(options: Parameters<typeof createDatabase>[0]): Promise<DatabaseHandle> {
  const handle = await createDatabase(options);
  cleanups.push(() => handle.close());
  return handle;
}

async function appliedMigrations(db: Database): Promise<number> {
  // Both drivers return `{ rows }`; the shared Database type cannot know that.
  const result = (await db.execute(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  )) as unknown as {
    rows: Array<{ count: number }>;
  };
  return result.rows[0]!.count;
}

// The accounts task hands this table to the Auth.js Drizzle adapter; this fails to compile if it drifts.
type AuthUsersTable = NonNullable<Parameters<typeof DrizzleAdapter<Database>>[1]>['usersTable'];

describe('schema', () => {
  it('keeps the users table acceptable to the Auth.js Drizzle adapter', () => {
    const table: AuthUsersTable = users;
    expect(table).toBe(users);
  });
});

describe('createDatabase with PGlite', () => {
  it('persists data across close and reopen of a dataDir it creates', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'studio-pglite-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const dataDir = path.join(parent, 'nested', 'pglite');

    const first = await createDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    const user = await createTestUser(first.db, { name: 'kept' });
    const migrations = await appliedMigrations(first.db);
    await first.close();

    const second = await open({ dataDir });
    const [row] = await second.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe('kept');
    expect(await appliedMigrations(second.db)).toBe(migrations);
  });

  it('opens an in-memory database, migrated', async () => {
    const { db, kind } = await open({ memory: true });
    expect(kind).toBe('pglite');
    expect(await appliedMigrations(db)).toBeGreaterThan(0);
  });

  it('refuses options that name no database', async () => {
    await expect(createDatabase({})).rejects.toThrow(/url, a dataDir or memory/);
  });
});

describe.skipIf(testDatabaseUrl === 'none')('createDatabase with Postgres', () => {
  it('applies migrations once however often it starts', async () => {
    const empty = await createEmptyPostgres();
    cleanups.push(() => empty.drop());

    const first = await open({ url: empty.url });
    expect(first.kind).toBe('postgres');
    const count = await appliedMigrations(first.db);
    await createTestUser(first.db);

    const second = await open({ url: empty.url });
    expect(await appliedMigrations(second.db)).toBe(count);
    expect(await second.db.$count(users)).toBe(1);
  });

  it('lets several instances start at once against an empty database', async () => {
    const empty = await createEmptyPostgres();
    cleanups.push(() => empty.drop());

    const handles = await Promise.all(Array.from({ length: 4 }, () => open({ url: empty.url })));
    const counts = await Promise.all(handles.map((handle) => appliedMigrations(handle.db)));
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThan(0);
  });

  it('closes its pool when it cannot connect', async () => {
    const url = new URL(testDatabaseUrl);
    url.pathname = '/studio_t_does_not_exist';
    await expect(createDatabase({ url: url.toString() })).rejects.toThrow(/does not exist/);
  });
});

describe('getDb', () => {
  it('opens PGlite under DATA_DIR/pglite once and shares it until closeDb', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'studio-data-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DATA_DIR', dataDir);
    cleanups.push(async () => vi.unstubAllEnvs());
    vi.resetModules(); // lib/env parses process.env when first imported
    const client = await import('./client');
    cleanups.push(() => client.closeDb());

    const [first, second] = await Promise.all([client.getDb(), client.getDb()]);
    expect(second).toBe(first);
    await createTestUser(first);
    expect((await stat(path.join(dataDir, 'pglite'))).isDirectory()).toBe(true);

    await client.closeDb();
    const reopened = await client.getDb();
    expect(reopened).not.toBe(first);
    expect(await reopened.$count(users)).toBe(1);
  });
});
