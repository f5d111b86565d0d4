import 'server-only';
import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { type AuditEvent, type AuditStatus, auditEvents, type CacheStatus, type NewAuditEvent } from '../schema';

export async function insertAuditEvent(db: Database, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export interface AuditFilter {
  /** a user id or an e-mail address */
  user?: string;
  route?: string;
  model?: string;
  status?: AuditStatus;
  cacheStatus?: CacheStatus;
  requestId?: string;
  flagged?: boolean;
  from?: Date;
  to?: Date;
  /** keyset: rows strictly older than this createdAt */
  before?: Date;
}

function where(filter: AuditFilter): SQL | undefined {
  const clauses: (SQL | undefined)[] = [
    filter.user ? or(eq(auditEvents.userId, filter.user), eq(auditEvents.userEmail, filter.user)) : undefined,
    filter.route ? eq(auditEvents.route, filter.route) : undefined,
    filter.model ? eq(auditEvents.model, filter.model) : undefined,
    filter.status ? eq(auditEvents.status, filter.status) : undefined,
    filter.cacheStatus ? eq(auditEvents.cacheStatus, filter.cacheStatus) : undefined,
    filter.requestId ? eq(auditEvents.requestId, filter.requestId) : undefined,
    filter.flagged === undefined ? undefined : eq(auditEvents.flagged, filter.flagged),
    filter.from ? gte(auditEvents.createdAt, filter.from) : undefined,
    filter.to ? lte(auditEvents.createdAt, filter.to) : undefined,
    filter.before ? lt(auditEvents.createdAt, filter.before) : undefined,
  ];
  return and(...clauses.filter((clause): clause is SQL => clause !== undefined));
}

/** Newest first (admins only: the caller checks the role). */
export async function listAuditEvents(db: Database, filter: AuditFilter, limit: number): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).where(where(filter)).orderBy(desc(auditEvents.createdAt)).limit(limit);
}

/** Deletes rows older than `cutoff`; returns how many. */
export async function purgeAuditEvents(db: Database, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(auditEvents)
    .where(lt(auditEvents.createdAt, cutoff))
    .returning({ id: auditEvents.id });
  return deleted.length;
}
