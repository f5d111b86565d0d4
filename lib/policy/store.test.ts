import { describe, expect, it } from 'vitest';
import { MemoryLimitStore } from './store';

const T0 = Date.UTC(2030, 0, 15, 12, 0, 0);

describe('MemoryLimitStore', () => {
  it('forgets expired entries even when nobody reads them again', async () => {
    const store = new MemoryLimitStore();
    for (let i = 0; i < 100; i++) {
      await store.evaluate(
        [
          { kind: 'window', key: `w${i}`, limit: 5, windowMs: 1_000, cost: 1, member: 'm' },
          { kind: 'counter', key: `c${i}`, limit: 5, cost: 1, minCost: 1, resetAt: T0 + 1_000, keepUntil: T0 + 2_000 },
          { kind: 'slots', key: `s${i}`, limit: 5, member: 'm', expiresAt: T0 + 1_000 },
        ],
        { now: T0, commit: true },
      );
    }
    expect(store.size).toBe(300);
    for (let i = 0; i < 512; i++) await store.evaluate([], { now: T0 + 2_000, commit: false });
    expect(store.size).toBe(0);
  });

  it('keeps a counter until keepUntil, past the window end, so a late settle still finds it', async () => {
    const store = new MemoryLimitStore();
    const check = {
      kind: 'counter',
      key: 'c',
      limit: 5,
      cost: 2,
      minCost: 2,
      resetAt: T0 + 10,
      keepUntil: T0 + 20,
    } as const;
    await store.evaluate([check], { now: T0, commit: true });
    await store.settle([{ kind: 'adjust', key: 'c', delta: -1 }], T0 + 15);
    expect((await store.evaluate([check], { now: T0 + 19, commit: false })).results[0]).toMatchObject({ used: 1 });
    expect((await store.evaluate([check], { now: T0 + 20, commit: false })).results[0]).toMatchObject({ used: 0 });
  });
});
