import type Redis from 'ioredis';
import { type Check, type CheckResult, type Evaluation, type LimitStore, type SettleOp, SLOT_RETRY_MS } from './store';

/**
 * The LimitStore on Redis, shared by every app instance. Each operation is one Lua script, so
 * the check-then-commit of all limits of a request is atomic across instances. The keys of one
 * request share a `{hash tag}` (see limits.ts), which keeps a script on one Redis Cluster slot.
 *
 * Scores and windows use the caller's clock (ARGV `now`); key TTLs are set relative to it
 * (PEXPIRE, never PEXPIREAT), so a fake clock in tests cannot make keys vanish early.
 */

// KEYS: one per check. ARGV: now, commit (1/0), then 6 per check: kind, limit, a, b, c, d.
// Returns per check: ok (1/0), used, granted, resetAt — all checks are evaluated, none short-circuits.
const evaluateScript = `
local now = tonumber(ARGV[1])
local commit = ARGV[2] == '1'
local slotRetryMs = tonumber(ARGV[3])
local out = {}
local allOk = true
local state = {}
for i = 1, #KEYS do
  local key = KEYS[i]
  local p = 3 + (i - 1) * 6
  local kind, limit = ARGV[p + 1], tonumber(ARGV[p + 2])
  local a, b, c, d = ARGV[p + 3], ARGV[p + 4], ARGV[p + 5], ARGV[p + 6]
  local unlimited = limit < 0
  local ok, used, granted, resetAt = true, 0, 0, 0
  if kind == 'window' then
    local windowMs, cost = tonumber(a), tonumber(b)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)
    used = redis.call('ZCARD', key)
    if unlimited then ok = true
    elseif cost == 0 then ok = used < limit
    else ok = used + cost <= limit end
    if ok then granted = cost end
    local index = 0
    if not ok then index = math.max(0, used - limit) end
    local entry = redis.call('ZRANGE', key, index, index, 'WITHSCORES')
    if entry[2] then resetAt = tonumber(entry[2]) + windowMs else resetAt = now + windowMs end
  elseif kind == 'counter' then
    local cost, minCost = tonumber(a), tonumber(b)
    resetAt = tonumber(c)
    used = tonumber(redis.call('GET', key) or '0')
    local remaining = limit - used
    if unlimited then granted = cost
    elseif cost == 0 then ok = remaining > 0
    elseif remaining >= cost then granted = cost
    elseif remaining > 0 and remaining >= minCost then granted = remaining
    else ok = false end
  else
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
    used = redis.call('ZCARD', key)
    ok = unlimited or used < limit
    if ok then granted = 1 end
    resetAt = now + slotRetryMs
    local entry = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    if entry[2] and tonumber(entry[2]) < resetAt then resetAt = tonumber(entry[2]) end
  end
  if not ok then allOk = false end
  state[i] = { kind, granted, a, b, c, d }
  out[#out + 1] = ok and 1 or 0
  out[#out + 1] = used
  out[#out + 1] = granted
  out[#out + 1] = resetAt
end
if not (allOk and commit) then
  for i = 1, #KEYS do out[(i - 1) * 4 + 3] = 0 end
  return out
end
for i = 1, #KEYS do
  local key, s = KEYS[i], state[i]
  local kind, granted = s[1], s[2]
  if kind == 'window' then
    if granted > 0 then
      redis.call('ZADD', key, now, s[5])
      redis.call('PEXPIRE', key, tonumber(s[3]))
    end
  elseif kind == 'counter' then
    redis.call('INCRBY', key, granted)
    redis.call('PEXPIRE', key, math.max(1, tonumber(s[6]) - now))
  else
    redis.call('ZADD', key, tonumber(s[3]), s[4])
    local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    redis.call('PEXPIRE', key, math.max(1, tonumber(last[2]) - now))
  end
end
return out
`;

// KEYS: one per op. ARGV: 2 per op: kind ('adjust' | 'release'), delta or member.
const settleScript = `
for i = 1, #KEYS do
  local key, kind, value = KEYS[i], ARGV[i * 2 - 1], ARGV[i * 2]
  if kind == 'release' then
    redis.call('ZREM', key, value)
  elseif redis.call('EXISTS', key) == 1 then
    if redis.call('INCRBY', key, tonumber(value)) < 0 then redis.call('SET', key, 0, 'KEEPTTL') end
  end
end
return 0
`;

interface ScriptedRedis {
  policyEvaluate(numKeys: number, ...args: (string | number)[]): Promise<number[]>;
  policySettle(numKeys: number, ...args: (string | number)[]): Promise<number>;
}

export interface RedisLimitStoreOptions {
  /** Close the connection when the store closes (default: the store owns it). */
  ownsConnection?: boolean;
}

export class RedisLimitStore implements LimitStore {
  private readonly scripted: ScriptedRedis;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisLimitStoreOptions = {},
  ) {
    // defineCommand sends EVALSHA and falls back to EVAL once when the server lost the script.
    if (!('policyEvaluate' in redis)) redis.defineCommand('policyEvaluate', { lua: evaluateScript });
    if (!('policySettle' in redis)) redis.defineCommand('policySettle', { lua: settleScript });
    this.scripted = redis as unknown as ScriptedRedis;
  }

  async evaluate(checks: readonly Check[], { now, commit }: { now: number; commit: boolean }): Promise<Evaluation> {
    if (checks.length === 0) return { ok: true, results: [] };
    const args: (string | number)[] = [now, commit ? 1 : 0, SLOT_RETRY_MS];
    for (const check of checks) args.push(...encode(check));
    const raw = await this.scripted.policyEvaluate(checks.length, ...checks.map((check) => check.key), ...args);
    const results: CheckResult[] = checks.map((_, i) => ({
      ok: raw[i * 4] === 1,
      used: Number(raw[i * 4 + 1]),
      granted: Number(raw[i * 4 + 2]),
      resetAt: Number(raw[i * 4 + 3]),
    }));
    return { ok: results.every((result) => result.ok), results };
  }

  async settle(ops: readonly SettleOp[], _now: number): Promise<void> {
    if (ops.length === 0) return;
    const args = ops.flatMap((op) =>
      op.kind === 'release' ? ['release', op.member] : ['adjust', Math.round(op.delta)],
    );
    await this.scripted.policySettle(ops.length, ...ops.map((op) => op.key), ...args);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.unlink(...keys);
  }

  async close(): Promise<void> {
    if (this.options.ownsConnection === false) return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function encode(check: Check): (string | number)[] {
  switch (check.kind) {
    case 'window':
      return ['window', check.limit, check.windowMs, check.cost, check.member, 0];
    case 'counter':
      return ['counter', check.limit, check.cost, check.minCost, check.resetAt, check.keepUntil];
    case 'slots':
      return ['slots', check.limit, check.expiresAt, check.member, 0, 0];
  }
}
