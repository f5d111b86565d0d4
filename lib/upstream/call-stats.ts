import type { RetryReason } from './retry';

/** What the resilient fetch learned about one call, for the caller's audit row. */
export interface CallStats {
  retries: number;
  reasons: RetryReason[];
  /** The last attempt's HTTP status (undefined: no response, e.g. a timeout or network error). */
  upstreamStatus?: number;
  /** ms from the successful attempt's request to its first content. */
  ttftMs?: number;
  breakerOpen?: boolean;
}

/**
 * Stats by request id. The fetch is called by the ai SDK, so the caller cannot get a return value
 * from it; it reads the stats by the `x-request-id` it sent, once, when its call is over. Bounded:
 * the oldest entries go first when callers never ask (raw calls that do not audit).
 */
export class CallStatsBook {
  #entries = new Map<string, CallStats>();

  constructor(private readonly capacity = 2_000) {}

  open(requestId: string): CallStats {
    const existing = this.#entries.get(requestId);
    if (existing) return existing;
    const stats: CallStats = { retries: 0, reasons: [] };
    this.#entries.set(requestId, stats);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return stats;
  }

  /** The stats of a finished call, removed from the book. */
  take(requestId: string): CallStats | undefined {
    const stats = this.#entries.get(requestId);
    this.#entries.delete(requestId);
    return stats;
  }
}
