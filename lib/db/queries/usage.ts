import 'server-only';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { type NewUsageEvent, type UserRole, usageEvents, users } from '../schema';

/** Token and cost totals of a group of answers. */
export interface UsageTotals {
  requests: number;
  inputTokens: number;
  cacheHitTokens: number;
  cacheMissTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  costAmount: number;
  costCurrency: string;
}

export interface ModelUsageRow extends UsageTotals {
  model: string;
}

export interface UserUsageRow {
  userId: string;
  email: string | null;
  name: string | null;
  role: UserRole;
  today: Pick<UsageTotals, 'requests' | 'totalTokens' | 'costAmount'>;
  month: Pick<UsageTotals, 'requests' | 'totalTokens' | 'costAmount'>;
  costCurrency: string | null;
}

/** 00:00 UTC of `now`'s day and of its month: day quotas and usage pages use UTC days. */
export function usagePeriods(now: Date = new Date()): { dayStart: Date; monthStart: Date } {
  return {
    dayStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
    monthStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  };
}

export async function recordUsageEvent(db: Database, event: Omit<NewUsageEvent, 'id'>): Promise<void> {
  await db.insert(usageEvents).values(event);
}

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

const totals = {
  requests: sql<number>`count(*)`.mapWith(Number),
  inputTokens: total(usageEvents.inputTokens),
  cacheHitTokens: total(usageEvents.cacheHitTokens),
  cacheMissTokens: total(usageEvents.cacheMissTokens),
  outputTokens: total(usageEvents.outputTokens),
  reasoningTokens: total(usageEvents.reasoningTokens),
  totalTokens: total(usageEvents.totalTokens),
  costAmount: total(usageEvents.costAmount),
  costCurrency: usageEvents.costCurrency,
};

/** One user's usage since `since`, by model (and currency, when prices change currency). */
export async function getUsageByModel(db: Database, userId: string, since: Date): Promise<ModelUsageRow[]> {
  return db
    .select({ model: usageEvents.model, ...totals })
    .from(usageEvents)
    .where(and(eq(usageEvents.userId, userId), gte(usageEvents.createdAt, since)))
    .groupBy(usageEvents.model, usageEvents.costCurrency)
    .orderBy(asc(usageEvents.model));
}

/** For admins: every user with their totals today and this month (zero when they used nothing). */
export async function listUsageByUser(db: Database, now: Date = new Date()): Promise<UserUsageRow[]> {
  const { dayStart, monthStart } = usagePeriods(now);
  const today = sql`${usageEvents.createdAt} >= ${dayStart.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      todayRequests: sql<number>`count(${usageEvents.id}) filter (where ${today})`.mapWith(Number),
      todayTokens: sql<number>`coalesce(sum(${usageEvents.totalTokens}) filter (where ${today}), 0)`.mapWith(Number),
      todayCost: sql<number>`coalesce(sum(${usageEvents.costAmount}) filter (where ${today}), 0)`.mapWith(Number),
      monthRequests: sql<number>`count(${usageEvents.id})`.mapWith(Number),
      monthTokens: sql<number>`coalesce(sum(${usageEvents.totalTokens}), 0)`.mapWith(Number),
      monthCost: sql<number>`coalesce(sum(${usageEvents.costAmount}), 0)`.mapWith(Number),
      costCurrency: sql<string | null>`max(${usageEvents.costCurrency})`,
    })
    .from(users)
    .leftJoin(usageEvents, and(eq(usageEvents.userId, users.id), gte(usageEvents.createdAt, monthStart)))
    .groupBy(users.id)
    .orderBy(desc(users.createdAt), desc(users.id));
  return rows.map((row) => ({
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    today: { requests: row.todayRequests, totalTokens: row.todayTokens, costAmount: row.todayCost },
    month: { requests: row.monthRequests, totalTokens: row.monthTokens, costAmount: row.monthCost },
    costCurrency: row.costCurrency,
  }));
}
