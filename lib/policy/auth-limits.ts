import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { ipBucket } from './client-ip';
import { formatWait, secondsUntil } from './messages';
import type { Check, LimitStore } from './store';

/**
 * Brute-force limits for sign-in and sign-up, all sliding windows:
 *
 * - attempts per IP (sign-in and sign-up together): every attempt counts;
 * - failed sign-ins per account: only wrong passwords count, a success clears them — so a
 *   person who mistypes a few times is not locked out for long, and guessing one account's
 *   password is slow from any number of addresses;
 * - sign-ups per IP and per e-mail: every attempt counts.
 *
 * Accounts are keyed by a hash of the normalized e-mail (no addresses in Redis), counted whether
 * or not the account exists, so a refusal says nothing about who has an account. An unknown IP
 * (see client-ip.ts) skips the per-IP limits instead of sharing one bucket that anyone could fill.
 * All keys share the `{auth}` hash tag, so one attempt's checks run as one script on one slot.
 */

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface AuthLimits {
  attemptsPerIp: WindowLimit;
  failuresPerAccount: WindowLimit;
  signUpsPerIp: WindowLimit;
  signUpsPerAccount: WindowLimit;
}

export const defaultAuthLimits: AuthLimits = {
  attemptsPerIp: { limit: 10, windowMs: 60_000 },
  failuresPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  signUpsPerIp: { limit: 5, windowMs: 60 * 60_000 },
  signUpsPerAccount: { limit: 3, windowMs: 60 * 60_000 },
};

type AuthLimitName = 'attempts_per_ip' | 'failures_per_account' | 'sign_ups_per_ip' | 'sign_ups_per_account';

export interface AuthAttempt {
  action: 'sign-in' | 'sign-up';
  /** From `clientIp`; `UNKNOWN_IP` or an invalid value skips the per-IP limits. */
  ip: string;
  /** The e-mail (or user name) the attempt is for. */
  account: string;
  now?: number;
}

export interface AuthLimiter {
  /** Before checking a password or creating an account. Throws `rate_limit:auth` with `retryAfterSeconds`. */
  attempt(input: AuthAttempt): Promise<void>;
  /** After a wrong password (or unknown account). */
  recordFailure(input: { account: string; now?: number }): Promise<void>;
  /** After a successful sign-in: earlier failures stop counting. */
  recordSuccess(input: { account: string }): Promise<void>;
}

export interface AuthLimiterOptions {
  store: LimitStore;
  prefix?: string;
  limits?: Partial<AuthLimits>;
  clock?: () => number;
}

export function accountKey(account: string): string {
  return createHash('sha256').update(account.trim().toLowerCase()).digest('hex').slice(0, 32);
}

const messages: Record<AuthLimitName, string> = {
  attempts_per_ip: 'Too many sign-in attempts from your network.',
  failures_per_account: 'Too many failed sign-ins for this account.',
  sign_ups_per_ip: 'Too many sign-ups from your network.',
  sign_ups_per_account: 'Too many sign-ups for this e-mail address.',
};

export function createAuthLimiter(options: AuthLimiterOptions): AuthLimiter {
  const { store, prefix = 'studio', clock = Date.now } = options;
  const limits = { ...defaultAuthLimits, ...options.limits };
  const base = `${prefix}:auth:{auth}`;
  const keys = {
    attempts_per_ip: (id: string) => `${base}:ip:${id}`,
    failures_per_account: (id: string) => `${base}:fail:${id}`,
    sign_ups_per_ip: (id: string) => `${base}:signup-ip:${id}`,
    sign_ups_per_account: (id: string) => `${base}:signup:${id}`,
  };
  const settings: Record<AuthLimitName, WindowLimit> = {
    attempts_per_ip: limits.attemptsPerIp,
    failures_per_account: limits.failuresPerAccount,
    sign_ups_per_ip: limits.signUpsPerIp,
    sign_ups_per_account: limits.signUpsPerAccount,
  };
  const check = (name: AuthLimitName, id: string, cost: 0 | 1): Check => ({
    kind: 'window',
    key: keys[name](id),
    limit: settings[name].limit,
    windowMs: settings[name].windowMs,
    cost,
    member: randomUUID(),
  });

  return {
    async attempt({ action, ip, account, now = clock() }) {
      const bucket = ipBucket(ip);
      const id = accountKey(account);
      const planned: [AuthLimitName, Check][] = [];
      if (bucket) planned.push(['attempts_per_ip', check('attempts_per_ip', bucket, 1)]);
      if (action === 'sign-in') {
        planned.push(['failures_per_account', check('failures_per_account', id, 0)]);
      } else {
        if (bucket) planned.push(['sign_ups_per_ip', check('sign_ups_per_ip', bucket, 1)]);
        planned.push(['sign_ups_per_account', check('sign_ups_per_account', id, 1)]);
      }
      const evaluation = await store.evaluate(
        planned.map(([, each]) => each),
        { now, commit: true },
      );
      if (evaluation.ok) return;
      const [name, result] = planned
        .map(([name], i) => [name, evaluation.results[i]!] as const)
        .filter(([, result]) => !result.ok)
        .sort((a, b) => b[1].resetAt - a[1].resetAt)[0]!;
      const retryAfterSeconds = secondsUntil(result.resetAt, now);
      throw new AppError('rate_limit:auth', {
        message: `${messages[name]} Try again in ${formatWait(retryAfterSeconds)}.`,
        retryAfterSeconds,
        details: {
          limit: name,
          limitValue: settings[name].limit,
          used: result.used,
          remaining: 0,
          resetAt: new Date(result.resetAt).toISOString(),
        },
      });
    },

    async recordFailure({ account, now = clock() }) {
      await store.evaluate([check('failures_per_account', accountKey(account), 1)], { now, commit: true });
    },

    async recordSuccess({ account }) {
      await store.delete([keys.failures_per_account(accountKey(account))]);
    },
  };
}
