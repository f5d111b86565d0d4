import { describe, expect, it } from 'vitest';
import { type BreakerConfig, type BreakerState, CircuitBreaker } from './breaker';

const config: BreakerConfig = {
  windowSize: 10,
  minimumCalls: 4,
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallMs: 1_000,
  openWaitMs: 5_000,
  halfOpenCalls: 2,
  maxHalfOpenMs: 10_000,
};

function setup(overrides: Partial<BreakerConfig> = {}) {
  let now = 1_000_000;
  const transitions: string[] = [];
  const breaker = new CircuitBreaker(
    { ...config, ...overrides },
    () => now,
    (from: BreakerState, to: BreakerState) => transitions.push(`${from}→${to}`),
  );
  const call = (outcome: 'ok' | 'fail' | 'slow') => {
    const admission = breaker.tryAcquire();
    if (!admission.ok) throw new Error('refused');
    if (outcome === 'fail') admission.permit.failure();
    else admission.permit.success(outcome === 'slow' ? 1_500 : 50);
  };
  return { breaker, transitions, call, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker (Resilience4j semantics, fake clock)', () => {
  it('stays closed below the minimum number of calls, however many fail', () => {
    const { breaker, call } = setup();
    for (let i = 0; i < 3; i++) call('fail');
    expect(breaker.state).toBe('closed');
  });

  it('opens at the failure-rate threshold once the minimum is reached, then fails fast', () => {
    const { breaker, call, transitions, advance } = setup();
    call('ok');
    call('fail');
    call('ok');
    expect(breaker.state).toBe('closed');
    call('fail'); // 2 of 4 = 50 %
    expect(breaker.state).toBe('open');
    expect(transitions).toEqual(['closed→open']);
    advance(2_000);
    const refused = breaker.tryAcquire();
    expect(refused).toEqual({ ok: false, retryAfterMs: 3_000 });
  });

  it('does not open while the rate stays under the threshold', () => {
    const { breaker, call } = setup();
    for (let i = 0; i < 10; i++) call(i % 3 === 2 ? 'fail' : 'ok'); // 3 of 10, never 50 % on the way
    expect(breaker.state).toBe('closed');
  });

  it('opens on slow calls (time to first token) alone', () => {
    const { breaker, call } = setup({ slowCallRateThreshold: 75 });
    call('slow');
    call('slow');
    call('ok');
    expect(breaker.state).toBe('closed');
    call('slow'); // 3 of 4 slow
    expect(breaker.state).toBe('open');
  });

  it('half-opens after the wait, admits only the probes, and closes when they succeed', () => {
    const { breaker, call, transitions, advance } = setup();
    for (let i = 0; i < 4; i++) call('fail');
    advance(5_000);
    expect(breaker.state).toBe('half_open');
    const probe1 = breaker.tryAcquire();
    const probe2 = breaker.tryAcquire();
    expect(probe1.ok && probe2.ok).toBe(true);
    expect(breaker.tryAcquire().ok).toBe(false); // the probes are out
    if (probe1.ok) probe1.permit.success(10);
    expect(breaker.state).toBe('half_open');
    if (probe2.ok) probe2.permit.success(10);
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual(['closed→open', 'open→half_open', 'half_open→closed']);
    // A fresh window: three failures are below the minimum again.
    for (let i = 0; i < 3; i++) call('fail');
    expect(breaker.state).toBe('closed');
  });

  it('opens again when the probes fail', () => {
    const { breaker, call, advance } = setup();
    for (let i = 0; i < 4; i++) call('fail');
    advance(5_000);
    call('ok');
    call('fail'); // 1 of 2 = 50 %
    expect(breaker.state).toBe('open');
  });

  it('a stuck probe is released by the maximum half-open wait', () => {
    const { breaker, call, transitions, advance } = setup();
    for (let i = 0; i < 4; i++) call('fail');
    advance(5_000);
    const stuck = breaker.tryAcquire();
    call('ok');
    expect(breaker.state).toBe('half_open');
    const refused = breaker.tryAcquire();
    expect(refused.ok).toBe(false);
    advance(10_000);
    expect(breaker.state).toBe('open');
    // The stuck probe's late answer belongs to an earlier state and changes nothing.
    if (stuck.ok) stuck.permit.success(10);
    expect(breaker.state).toBe('open');
    advance(5_000);
    expect(breaker.state).toBe('half_open');
    expect(transitions).toEqual(['closed→open', 'open→half_open', 'half_open→open', 'open→half_open']);
  });

  it('released permits do not count, and hand a probe slot back', () => {
    const { breaker, call, advance } = setup();
    for (let i = 0; i < 10; i++) {
      const admission = breaker.tryAcquire();
      if (admission.ok) admission.permit.release();
    }
    expect(breaker.state).toBe('closed');
    for (let i = 0; i < 4; i++) call('fail');
    advance(5_000);
    const probe = breaker.tryAcquire();
    if (probe.ok) probe.permit.release();
    call('ok');
    call('ok');
    expect(breaker.state).toBe('closed');
  });
});
