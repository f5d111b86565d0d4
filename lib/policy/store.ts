/**
 * Where limit state lives. One operation checks a set of limits and, only if every one passes,
 * commits them all — so a refusal consumes nothing and N concurrent requests cannot all slip
 * through a limit of M < N. The in-process store below and the Redis store (`redis-store.ts`)
 * implement the same semantics; one shared test suite runs against both.
 *
 * Times are epoch ms passed in by the caller (a fake clock in tests works against Redis too):
 * entries compare against `now`, and real key expiry is only garbage collection.
 */

/** `limit: -1` = unlimited: always passes, but usage is still counted. */
export type Check =
  /** Sliding-window log: at most `limit` entries whose time is in (now - windowMs, now]. */
  | { kind: 'window'; key: string; limit: number; windowMs: number; cost: 0 | 1; member: string }
  /**
   * Fixed-window counter (a UTC day). Grants `cost`, or — when less remains — whatever remains
   * if that is at least `minCost`. `resetAt` is the window's end; the key is kept until `keepUntil`
   * so a late reconciliation still finds it.
   */
  | { kind: 'counter'; key: string; limit: number; cost: number; minCost: number; resetAt: number; keepUntil: number }
  /** Leased slots: at most `limit` members whose lease has not expired (`expiresAt`). */
  | { kind: 'slots'; key: string; limit: number; member: string; expiresAt: number };

export interface CheckResult {
  ok: boolean;
  /** usage before this request */
  used: number;
  /** what this request takes (0 when refused or when only peeking) */
  granted: number;
  /** epoch ms when the limit next gives room (window: the oldest entry leaves; counter: window end) */
  resetAt: number;
}

export interface Evaluation {
  ok: boolean;
  results: CheckResult[];
}

export type SettleOp =
  | { kind: 'adjust'; key: string; delta: number }
  | { kind: 'release'; key: string; member: string };

export interface LimitStore {
  /** Checks every limit; with `commit`, takes them all when all pass and nothing otherwise. */
  evaluate(checks: readonly Check[], options: { now: number; commit: boolean }): Promise<Evaluation>;
  /** Reconciles counters (only if the key still exists; never below 0) and releases slots. */
  settle(ops: readonly SettleOp[], now: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** How long a refused request for a stream slot is told to wait, at most. */
export const SLOT_RETRY_MS = 5_000;

type Entry =
  | { type: 'counter'; value: number; expiresAt: number }
  | { type: 'set'; members: Map<string, number>; expiresAt: number };

/** A Map with lazy expiry: entries are dropped when read after expiring, and in a sweep every few hundred calls. */
export class MemoryLimitStore implements LimitStore {
  private readonly entries = new Map<string, Entry>();
  private calls = 0;

  async evaluate(checks: readonly Check[], { now, commit }: { now: number; commit: boolean }): Promise<Evaluation> {
    this.maybeSweep(now);
    // Synchronous from here to the end: nothing else runs between the checks and the commit.
    const results = checks.map((check) => this.check(check, now));
    const ok = results.every((result) => result.ok);
    if (ok && commit) for (const [index, check] of checks.entries()) this.commit(check, results[index]!.granted, now);
    return { ok, results: ok && commit ? results : results.map((result) => ({ ...result, granted: 0 })) };
  }

  async settle(ops: readonly SettleOp[], now: number): Promise<void> {
    for (const op of ops) {
      if (op.kind === 'release') {
        this.slots(op.key, now)?.delete(op.member);
        continue;
      }
      const entry = this.counter(op.key, now);
      if (entry) entry.value = Math.max(0, entry.value + op.delta);
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  /** For tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }

  private check(check: Check, now: number): CheckResult {
    const unlimited = check.limit < 0;
    switch (check.kind) {
      case 'window': {
        const members = this.prune(check.key, now - check.windowMs);
        const used = members?.size ?? 0;
        const ok = unlimited || (check.cost === 0 ? used < check.limit : used + check.cost <= check.limit);
        const scores = [...(members?.values() ?? [])].sort((a, b) => a - b);
        // The entry whose leaving makes room: the oldest, or further in when an admin lowered the limit.
        const freeing = scores[ok ? 0 : Math.max(0, used - check.limit)];
        const resetAt = freeing === undefined ? now + check.windowMs : freeing + check.windowMs;
        return { ok, used, granted: ok ? check.cost : 0, resetAt };
      }
      case 'counter': {
        const used = this.counter(check.key, now)?.value ?? 0;
        const remaining = check.limit - used;
        let granted = 0;
        let ok = true;
        if (unlimited) granted = check.cost;
        else if (check.cost === 0) ok = remaining > 0;
        else if (remaining >= check.cost) granted = check.cost;
        else if (remaining > 0 && remaining >= check.minCost) granted = remaining;
        else ok = false;
        return { ok, used, granted, resetAt: check.resetAt };
      }
      case 'slots': {
        const members = this.prune(check.key, now);
        const used = members?.size ?? 0;
        const ok = unlimited || used < check.limit;
        const earliest = Math.min(...(members?.values() ?? []));
        return { ok, used, granted: ok ? 1 : 0, resetAt: Math.min(earliest, now + SLOT_RETRY_MS) };
      }
    }
  }

  private commit(check: Check, granted: number, now: number): void {
    switch (check.kind) {
      case 'window':
        if (granted > 0) this.ensureSet(check.key, now + check.windowMs).set(check.member, now);
        return;
      case 'counter': {
        const entry = this.counter(check.key, now) ?? { type: 'counter', value: 0, expiresAt: 0 };
        entry.value += granted;
        entry.expiresAt = check.keepUntil;
        this.entries.set(check.key, entry);
        return;
      }
      case 'slots':
        this.ensureSet(check.key, check.expiresAt).set(check.member, check.expiresAt);
        return;
    }
  }

  private counter(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry?.type !== 'counter') return undefined;
    if (entry.expiresAt > now) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** Slot members are scored by lease expiry, so pruning at `now` drops the expired leases. */
  private slots(key: string, now: number) {
    return this.prune(key, now);
  }

  /** The set at `key`, kept at least until `keepUntil`. */
  private ensureSet(key: string, keepUntil: number): Map<string, number> {
    const entry = this.entries.get(key);
    if (entry?.type === 'set') {
      entry.expiresAt = Math.max(entry.expiresAt, keepUntil);
      return entry.members;
    }
    const members = new Map<string, number>();
    this.entries.set(key, { type: 'set', members, expiresAt: keepUntil });
    return members;
  }

  /** Drops members scored at or before `cutoff`; the whole key when none is left. */
  private prune(key: string, cutoff: number): Map<string, number> | undefined {
    const entry = this.entries.get(key);
    if (entry?.type !== 'set') return undefined;
    for (const [member, score] of entry.members) if (score <= cutoff) entry.members.delete(member);
    if (entry.members.size > 0) return entry.members;
    this.entries.delete(key);
    return undefined;
  }

  private maybeSweep(now: number): void {
    if (++this.calls % 512 !== 0) return;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
