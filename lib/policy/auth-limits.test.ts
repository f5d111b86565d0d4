import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { describeEachStore } from '@/tests/support/redis';
import { accountKey, createAuthLimiter } from './auth-limits';
import { clientIp, UNKNOWN_IP } from './client-ip';
import { rateLimitHeaders } from './messages';

const T0 = Date.UTC(2030, 0, 15, 12, 0, 0);
const SECOND = 1000;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rate_limit refusal');
}

let nextIp = 1;
/** A fresh documentation-range address per test, so tests sharing a store do not share buckets. */
const freshIp = () => `198.51.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
const email = () => `${randomUUID()}@example.test`;

describeEachStore('auth limiter', (suite) => {
  const limiter = () => createAuthLimiter({ store: suite.store, prefix: suite.prefix, clock: () => T0 });

  it('limits attempts per IP whatever X-Forwarded-For the client forges', async () => {
    const auth = limiter();
    const real = freshIp();
    const forged = (i: number) =>
      new Request('http://localhost/api/auth/sign-in', { headers: { 'x-forwarded-for': `10.0.0.${i}, ${real}` } });
    for (let i = 0; i < 10; i++) {
      const ip = clientIp(forged(i), { trustedProxyHops: 1 });
      await auth.attempt({ action: 'sign-in', ip, account: email(), now: T0 + i * SECOND });
    }
    const error = await refusal(
      auth.attempt({
        action: 'sign-in',
        ip: clientIp(forged(99), { trustedProxyHops: 1 }),
        account: email(),
        now: T0 + 20 * SECOND,
      }),
    );
    expect(error.code).toBe('rate_limit:auth');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(40);
    expect(error.message).toBe('Too many sign-in attempts from your network. Try again in 40 s.');
    expect(rateLimitHeaders(error)).toMatchObject({ 'Retry-After': '40', 'RateLimit-Limit': '10' });
    await expect(
      auth.attempt({ action: 'sign-in', ip: real, account: email(), now: T0 + 60 * SECOND }),
    ).resolves.toBeUndefined();
  });

  it('puts a whole IPv6 /64 in one bucket', async () => {
    const auth = limiter();
    const prefix = `2001:db8:${(nextIp++).toString(16)}:1`;
    for (let i = 0; i < 10; i++) await auth.attempt({ action: 'sign-in', ip: `${prefix}::${i + 1}`, account: email() });
    await expect(auth.attempt({ action: 'sign-in', ip: `${prefix}::ffff`, account: email() })).rejects.toThrow(
      AppError,
    );
  });

  it('locks an account after 5 failures, from any address, until they age out or a success clears them', async () => {
    const auth = limiter();
    const account = email();
    for (let i = 0; i < 5; i++) {
      await auth.attempt({ action: 'sign-in', ip: freshIp(), account, now: T0 + i * SECOND });
      await auth.recordFailure({ account: account.toUpperCase(), now: T0 + i * SECOND });
    }
    const error = await refusal(auth.attempt({ action: 'sign-in', ip: freshIp(), account, now: T0 + 60 * SECOND }));
    expect(error.details).toMatchObject({ limit: 'failures_per_account', limitValue: 5 });
    expect(error.retryAfterSeconds).toBe(15 * 60 - 60);
    expect(error.message).toBe('Too many failed sign-ins for this account. Try again in 14 min.');
    // Only failures count: a locked-out attempt is not one more failure.
    await expect(
      auth.attempt({ action: 'sign-in', ip: freshIp(), account, now: T0 + 15 * 60 * SECOND }),
    ).resolves.toBeUndefined();

    const other = email();
    for (let i = 0; i < 5; i++) await auth.recordFailure({ account: other, now: T0 });
    await expect(auth.attempt({ action: 'sign-in', ip: freshIp(), account: other, now: T0 })).rejects.toThrow(AppError);
    await auth.recordSuccess({ account: other });
    await expect(auth.attempt({ action: 'sign-in', ip: freshIp(), account: other, now: T0 })).resolves.toBeUndefined();
  });

  it('limits sign-ups per e-mail and per IP', async () => {
    const auth = limiter();
    const account = email();
    for (let i = 0; i < 3; i++) await auth.attempt({ action: 'sign-up', ip: freshIp(), account });
    const perAccount = await refusal(auth.attempt({ action: 'sign-up', ip: freshIp(), account }));
    expect(perAccount.details).toMatchObject({ limit: 'sign_ups_per_account' });

    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      await auth.attempt({ action: 'sign-up', ip, account: email(), now: T0 + i * 13 * SECOND });
    const perIp = await refusal(auth.attempt({ action: 'sign-up', ip, account: email(), now: T0 + 65 * SECOND }));
    expect(perIp.details).toMatchObject({ limit: 'sign_ups_per_ip', limitValue: 5 });
    expect(perIp.retryAfterSeconds).toBe(3600 - 65);
  });

  it('applies no per-IP limit to an unknown address, but still the per-account one', async () => {
    const auth = limiter();
    for (let i = 0; i < 30; i++) await auth.attempt({ action: 'sign-in', ip: UNKNOWN_IP, account: email() });
    const account = email();
    for (let i = 0; i < 5; i++) await auth.recordFailure({ account });
    await expect(auth.attempt({ action: 'sign-in', ip: UNKNOWN_IP, account })).rejects.toThrow(AppError);
  });
});

it('keys accounts by a hash of the normalized e-mail', () => {
  expect(accountKey(' Ann@Example.com ')).toBe(accountKey('ann@example.com'));
  expect(accountKey('ann@example.com')).toMatch(/^[0-9a-f]{32}$/);
  expect(accountKey('ann@example.com')).not.toContain('ann');
});
