import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Database } from '@/lib/db/client';
import { getUsageByModel, type ModelUsageRow, usagePeriods } from '@/lib/db/queries/usage';
import { getLimiter, type LimitStatus } from '@/lib/policy';

export interface UsagePeriod {
  since: string;
  byModel: ModelUsageRow[];
}

/** `GET /api/usage`: the caller's tokens and cost today and this month (UTC), and their limits now. */
export interface UsageReport {
  today: UsagePeriod;
  month: UsagePeriod;
  limits: LimitStatus[];
}

export async function usageReport(db: Database, user: CurrentUser, now: Date = new Date()): Promise<UsageReport> {
  const { dayStart, monthStart } = usagePeriods(now);
  const [today, month, limits] = await Promise.all([
    getUsageByModel(db, user.id, dayStart),
    getUsageByModel(db, user.id, monthStart),
    getLimiter().usage({ userId: user.id, role: user.role, overrides: user.limitOverrides, now: now.getTime() }),
  ]);
  return {
    today: { since: dayStart.toISOString(), byModel: today },
    month: { since: monthStart.toISOString(), byModel: month },
    limits,
  };
}
