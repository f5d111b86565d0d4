import { expect, it } from 'vitest';
import { createTestUser, describeEachDatabase } from '@/tests/support/db';
import { getUsageByModel, listUsageByUser, recordUsageEvent, usagePeriods } from './usage';

const event = (userId: string, model: string, createdAt: Date, tokens: number, cost: number) => ({
  userId,
  conversationId: null,
  model,
  inputTokens: tokens / 2,
  cacheHitTokens: tokens / 4,
  cacheMissTokens: tokens / 4,
  outputTokens: tokens / 2,
  reasoningTokens: 0,
  totalTokens: tokens,
  costAmount: cost,
  costCurrency: 'USD',
  status: 'complete' as const,
  createdAt,
});

describeEachDatabase('usage queries', (t) => {
  it('sums per UTC day and month, by model, and per user for admins', async () => {
    const now = new Date('2026-11-15T10:00:00Z');
    const { dayStart, monthStart } = usagePeriods(now);
    expect(dayStart.toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(monthStart.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    const [user, other] = await Promise.all([createTestUser(t.db), createTestUser(t.db)]);
    await recordUsageEvent(t.db, event(user.id, 'deepseek-flash', new Date('2026-11-15T09:00:00Z'), 100, 0.5));
    await recordUsageEvent(t.db, event(user.id, 'deepseek-flash', new Date('2026-11-15T00:00:00Z'), 40, 0.25));
    await recordUsageEvent(t.db, event(user.id, 'deepseek-v4-pro', new Date('2026-11-14T23:59:59Z'), 8, 1));
    await recordUsageEvent(t.db, event(user.id, 'deepseek-flash', new Date('2026-10-31T12:00:00Z'), 1000, 9));
    await recordUsageEvent(t.db, event(other.id, 'deepseek-flash', new Date('2026-11-15T01:00:00Z'), 4, 0.125));

    const today = await getUsageByModel(t.db, user.id, dayStart);
    expect(today).toEqual([
      expect.objectContaining({
        model: 'deepseek-flash',
        requests: 2,
        totalTokens: 140,
        cacheHitTokens: 35,
        costAmount: 0.75,
      }),
    ]);
    const month = await getUsageByModel(t.db, user.id, monthStart);
    expect(month.map((row) => [row.model, row.totalTokens])).toEqual([
      ['deepseek-flash', 140],
      ['deepseek-v4-pro', 8],
    ]);

    const everyone = await listUsageByUser(t.db, now);
    const mine = everyone.find((row) => row.userId === user.id);
    expect(mine?.today).toEqual({ requests: 2, totalTokens: 140, costAmount: 0.75 });
    expect(mine?.month).toEqual({ requests: 3, totalTokens: 148, costAmount: 1.75 });
    expect(everyone.find((row) => row.userId === other.id)?.today.totalTokens).toBe(4);
  });
});
