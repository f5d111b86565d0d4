import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { type Database, getDb } from '@/lib/db/client';
import { insertAuditEvent, purgeAuditEvents } from '@/lib/db/queries/audit';
import type { AuditStatus, CacheStatus } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { getMetrics, statusClass } from '@/lib/metrics';

/**
 * The audit log: one row per model request, written by every route that calls the model (chat,
 * playground, compare, vision) through `recordAudit`. It never holds a credential, and the prompt
 * only as an HMAC with a server-side pepper (its text only with AUDIT_STORE_PROMPTS=true, and then
 * after PII redaction). Recording never fails the request: an error is logged.
 */

export interface AuditRecord {
  requestId: string;
  user?: { id: string; email?: string | null };
  clientIp: string;
  /** A route id (lib/policy/roles.ts), e.g. `chat`, `playground`, `vision`. */
  route: string;
  model?: string;
  /** The prompt as sent upstream (after redaction); hashed here. */
  prompt?: string;
  usage?: { inputTokens: number; cacheHitTokens: number; outputTokens: number; reasoningTokens: number };
  status: AuditStatus;
  httpStatus: number;
  errorCode?: string;
  upstreamStatus?: number;
  retries?: number;
  cacheStatus?: CacheStatus;
  redactions?: number;
  flagged?: boolean;
  ttftMs?: number;
  durationMs: number;
  /** When the request reached the server (ms); defaults to now − duration. */
  receivedAt?: number;
}

let pepper: string | undefined;

/** HMAC-SHA256 of the prompt with AUDIT_PEPPER (or a key derived from the session secret). */
export function promptHash(prompt: string): string {
  pepper ??= env.AUDIT_PEPPER ?? createHash('sha256').update(`studio-audit-pepper:${authSecret()}`).digest('hex');
  return createHmac('sha256', pepper).update(prompt).digest('hex');
}

export async function recordAudit(record: AuditRecord, db?: Database): Promise<void> {
  const metrics = getMetrics();
  metrics.requests.inc({
    route: record.route,
    model: record.model ?? 'none',
    status_class: statusClass(record.httpStatus),
  });
  if (record.usage && record.model) {
    const model = record.model;
    metrics.tokens.inc({ model, type: 'input_cache_hit' }, record.usage.cacheHitTokens);
    metrics.tokens.inc({ model, type: 'input_cache_miss' }, record.usage.inputTokens - record.usage.cacheHitTokens);
    metrics.tokens.inc({ model, type: 'output' }, record.usage.outputTokens - record.usage.reasoningTokens);
    metrics.tokens.inc({ model, type: 'reasoning' }, record.usage.reasoningTokens);
  }
  if (record.flagged) metrics.outputFlags.inc();
  try {
    const database = db ?? (await getDb());
    schedulePurge(database);
    await insertAuditEvent(database, {
      createdAt: new Date(record.receivedAt ?? Date.now() - record.durationMs),
      requestId: record.requestId,
      userId: record.user?.id ?? null,
      userEmail: record.user?.email ?? null,
      clientIp: record.clientIp,
      route: record.route,
      model: record.model ?? null,
      promptHash: record.prompt === undefined ? null : promptHash(record.prompt),
      promptText: record.prompt !== undefined && env.AUDIT_STORE_PROMPTS ? record.prompt : null,
      inputTokens: record.usage?.inputTokens ?? 0,
      cacheHitTokens: record.usage?.cacheHitTokens ?? 0,
      outputTokens: record.usage?.outputTokens ?? 0,
      reasoningTokens: record.usage?.reasoningTokens ?? 0,
      status: record.status,
      httpStatus: record.httpStatus,
      errorCode: record.errorCode ?? null,
      upstreamStatus: record.upstreamStatus ?? null,
      retries: record.retries ?? 0,
      cacheStatus: record.cacheStatus ?? 'BYPASS',
      redactions: record.redactions ?? 0,
      flagged: record.flagged ?? false,
      ttftMs: record.ttftMs === undefined ? null : Math.round(record.ttftMs),
      durationMs: Math.round(record.durationMs),
    });
  } catch (error) {
    log.error({ requestId: record.requestId, err: (error as Error).message }, 'recording the audit row failed');
  }
}

const PURGE_EVERY_MS = 6 * 3_600_000;
const globalPurge = globalThis as typeof globalThis & { __studioAuditPurge?: ReturnType<typeof setInterval> };

/** Retention: purge once when the first row is written after start-up, then every six hours. */
function schedulePurge(db: Database) {
  if (globalPurge.__studioAuditPurge) return;
  const run = () => {
    const cutoff = new Date(Date.now() - env.AUDIT_RETENTION_DAYS * 86_400_000);
    purgeAuditEvents(db, cutoff)
      .then((deleted) => {
        if (deleted > 0) log.info({ deleted, retentionDays: env.AUDIT_RETENTION_DAYS }, 'old audit rows purged');
      })
      .catch((error: unknown) => log.error({ err: (error as Error).message }, 'purging audit rows failed'));
  };
  globalPurge.__studioAuditPurge = setInterval(run, PURGE_EVERY_MS);
  globalPurge.__studioAuditPurge.unref?.();
  run();
}
