/**
 * A circuit breaker with Resilience4j's semantics (count-based sliding window):
 *
 * - CLOSED: every call's outcome goes into a window of the last `windowSize` calls. Once at least
 *   `minimumCalls` are recorded, a failure rate ≥ `failureRateThreshold` % or a slow-call rate ≥
 *   `slowCallRateThreshold` % (slow: time to first token ≥ `slowCallMs`) opens the breaker.
 * - OPEN: calls are refused (fail fast) for `openWaitMs`, then the breaker is HALF_OPEN.
 * - HALF_OPEN: `halfOpenCalls` probes are let through, the rest refused. When all probes have
 *   finished, the same rates decide: back to CLOSED (fresh window) or OPEN again. Probes that never
 *   finish cannot hold it there: after `maxHalfOpenMs` it opens again and the next wait starts.
 *
 * Not cockatiel: its ConsecutiveBreaker / SamplingBreaker have no slow-call rule, no minimum on a
 * count window and a single half-open probe without a maximum wait. The clock is injected, so the
 * state machine is tested with a fake one.
 */

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerConfig {
  windowSize: number;
  minimumCalls: number;
  /** percent, 1–100 */
  failureRateThreshold: number;
  /** percent, 1–100 */
  slowCallRateThreshold: number;
  slowCallMs: number;
  openWaitMs: number;
  halfOpenCalls: number;
  maxHalfOpenMs: number;
}

export const defaultBreakerConfig: BreakerConfig = {
  windowSize: 20,
  minimumCalls: 10,
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallMs: 60_000,
  openWaitMs: 30_000,
  halfOpenCalls: 3,
  maxHalfOpenMs: 120_000,
};

/** One admitted call: report exactly one outcome (later reports are ignored). */
export interface BreakerPermit {
  /** The call worked; `ttftMs` decides whether it was slow. */
  success(ttftMs: number): void;
  failure(): void;
  /** The outcome says nothing about the service (the caller aborted, a 400): not counted. */
  release(): void;
}

export type Admission = { ok: true; permit: BreakerPermit } | { ok: false; retryAfterMs: number };

interface Outcome {
  failed: boolean;
  slow: boolean;
}

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #window: Outcome[] = [];
  #changedAt: number;
  /** Bumped on every transition: outcomes of calls admitted in an earlier state are dropped. */
  #epoch = 0;
  #probesAdmitted = 0;
  #probeOutcomes: Outcome[] = [];

  constructor(
    readonly config: BreakerConfig = defaultBreakerConfig,
    private readonly now: () => number = Date.now,
    private readonly onTransition?: (from: BreakerState, to: BreakerState) => void,
  ) {
    this.#changedAt = now();
  }

  /** The current state, after any transition that time alone causes. */
  get state(): BreakerState {
    this.#tick();
    return this.#state;
  }

  /** ms until an open breaker lets probes through (0 unless open). */
  get retryAfterMs(): number {
    this.#tick();
    return this.#state === 'open' ? Math.max(0, this.#changedAt + this.config.openWaitMs - this.now()) : 0;
  }

  tryAcquire(): Admission {
    this.#tick();
    if (this.#state === 'open') return { ok: false, retryAfterMs: this.retryAfterMs };
    if (this.#state === 'half_open') {
      if (this.#probesAdmitted >= this.config.halfOpenCalls) {
        // Probes are out; the next decision is at most maxHalfOpenMs away.
        return { ok: false, retryAfterMs: Math.max(1, this.#changedAt + this.config.maxHalfOpenMs - this.now()) };
      }
      this.#probesAdmitted++;
    }
    return { ok: true, permit: this.#permit(this.#epoch) };
  }

  #permit(epoch: number): BreakerPermit {
    let done = false;
    const report = (outcome: Outcome | undefined) => {
      if (done) return;
      done = true;
      this.#tick();
      if (epoch !== this.#epoch) return;
      if (outcome) this.#record(outcome);
      else if (this.#state === 'half_open') this.#probesAdmitted--; // hand the probe slot back
    };
    return {
      success: (ttftMs) => report({ failed: false, slow: ttftMs >= this.config.slowCallMs }),
      failure: () => report({ failed: true, slow: false }),
      release: () => report(undefined),
    };
  }

  #record(outcome: Outcome) {
    if (this.#state === 'closed') {
      this.#window.push(outcome);
      if (this.#window.length > this.config.windowSize) this.#window.shift();
      if (this.#window.length >= this.config.minimumCalls && this.#tripped(this.#window)) this.#to('open');
      return;
    }
    if (this.#state === 'half_open') {
      this.#probeOutcomes.push(outcome);
      if (this.#probeOutcomes.length >= this.config.halfOpenCalls) {
        this.#to(this.#tripped(this.#probeOutcomes) ? 'open' : 'closed');
      }
    }
  }

  #tripped(outcomes: Outcome[]): boolean {
    const rate = (count: number) => (count * 100) / outcomes.length;
    return (
      rate(outcomes.filter((o) => o.failed).length) >= this.config.failureRateThreshold ||
      rate(outcomes.filter((o) => o.slow).length) >= this.config.slowCallRateThreshold
    );
  }

  #tick() {
    const elapsed = this.now() - this.#changedAt;
    if (this.#state === 'open' && elapsed >= this.config.openWaitMs) this.#to('half_open');
    else if (this.#state === 'half_open' && elapsed >= this.config.maxHalfOpenMs) this.#to('open');
  }

  #to(next: BreakerState) {
    const from = this.#state;
    this.#state = next;
    this.#changedAt = this.now();
    this.#epoch++;
    this.#probesAdmitted = 0;
    this.#probeOutcomes = [];
    if (next === 'closed') this.#window = [];
    this.onTransition?.(from, next);
  }
}

export interface BreakerSnapshot {
  upstream: string;
  model: string;
  state: BreakerState;
  retryAfterMs: number;
}

/** One breaker per upstream and model, created on first use. */
export class BreakerRegistry {
  #breakers = new Map<string, { upstream: string; model: string; breaker: CircuitBreaker }>();

  constructor(
    readonly config: BreakerConfig = defaultBreakerConfig,
    private readonly now: () => number = Date.now,
    private readonly onTransition?: (
      key: { upstream: string; model: string },
      from: BreakerState,
      to: BreakerState,
    ) => void,
  ) {}

  get(upstream: string, model: string): CircuitBreaker {
    const key = `${upstream}\n${model}`;
    let entry = this.#breakers.get(key);
    if (!entry) {
      const breaker = new CircuitBreaker(this.config, this.now, (from, to) =>
        this.onTransition?.({ upstream, model }, from, to),
      );
      entry = { upstream, model, breaker };
      this.#breakers.set(key, entry);
    }
    return entry.breaker;
  }

  snapshot(): BreakerSnapshot[] {
    return [...this.#breakers.values()].map(({ upstream, model, breaker }) => ({
      upstream,
      model,
      state: breaker.state,
      retryAfterMs: breaker.retryAfterMs,
    }));
  }
}
