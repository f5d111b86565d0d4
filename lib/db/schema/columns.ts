import { type SQL, sql } from 'drizzle-orm';
import { customType, type PgColumn, timestamp } from 'drizzle-orm/pg-core';

/**
 * One schema for PGlite and Postgres. Timestamps are stored with millisecond precision so a
 * JS `Date` read back equals the stored value exactly — the conversation list's keyset cursor
 * depends on that (a microsecond `now()` would make `updated_at = cursor` never match).
 */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** The enum lists live in TypeScript; the CHECK keeps rows written by hand honest too. */
export const oneOf = (column: PgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((value) => sql.raw(`'${value}'`)),
    sql`, `,
  )})`;

/** Raw bytes. PGlite returns Uint8Array and node-postgres a Buffer; both are Uint8Arrays. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => value,
});
