import type { CachedAnswer, CacheStore } from './store';

export { type CacheKeyInput, cacheKey, canonicalJson } from './key';
export { type CachedAnswer, type CacheStore, MemoryCacheStore, RedisCacheStore } from './store';

export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS';

/** The one caller that makes the upstream call for a key: it stores the answer or gives up. */
export interface CacheLead {
  commit(answer: CachedAnswer): Promise<void>;
  abandon(): void;
}

export type CacheLookup =
  | { status: 'HIT'; answer: CachedAnswer }
  /** `lead` is absent when another instance held the key too long: call upstream, store nothing. */
  | { status: 'MISS'; lead?: CacheLead };

export interface ResponseCacheOptions {
  ttlMs: number;
  /** How long an identical request waits for the leader's answer before calling upstream itself. */
  waitMs: number;
  pollMs?: number;
}

/**
 * The response cache with single flight: concurrent identical misses make one upstream call.
 * In one process the followers await the leader's promise; across instances (Redis) the leader
 * holds a claim and the others poll for the stored answer. A follower that gets the answer this
 * way is a HIT. A leader whose call fails releases the key: the followers then call upstream.
 */
export class ResponseCache {
  #inflight = new Map<string, Promise<CachedAnswer | undefined>>();

  constructor(
    readonly store: CacheStore,
    private readonly options: ResponseCacheOptions,
  ) {}

  async lookup(key: string): Promise<CacheLookup> {
    const stored = await this.store.get(key);
    if (stored) return { status: 'HIT', answer: stored };
    // Synchronous from here to the map write: a concurrent lookup sees this leader.
    const pending = this.#inflight.get(key);
    if (pending) {
      const answer = await within(pending, this.options.waitMs);
      return answer ? { status: 'HIT', answer } : { status: 'MISS' };
    }
    let settle!: (answer: CachedAnswer | undefined) => void;
    this.#inflight.set(key, new Promise((resolve) => (settle = resolve)));
    const finish = (answer: CachedAnswer | undefined) => {
      this.#inflight.delete(key);
      settle(answer);
    };

    const claimed = await this.store.claim(key, this.options.waitMs).catch(() => true);
    if (!claimed) {
      const answer = await this.#poll(key);
      finish(answer);
      return answer ? { status: 'HIT', answer } : { status: 'MISS' };
    }
    let done = false;
    return {
      status: 'MISS',
      lead: {
        commit: async (answer) => {
          if (done) return;
          done = true;
          try {
            await this.store.set(key, answer, this.options.ttlMs);
          } finally {
            finish(answer);
            await this.store.release(key).catch(() => {});
          }
        },
        abandon: () => {
          if (done) return;
          done = true;
          finish(undefined);
          this.store.release(key).catch(() => {});
        },
      },
    };
  }

  async #poll(key: string): Promise<CachedAnswer | undefined> {
    const deadline = Date.now() + this.options.waitMs;
    const pollMs = this.options.pollMs ?? 100;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      const answer = await this.store.get(key).catch(() => undefined);
      if (answer) return answer;
      // The leader gave up (its claim is gone): stop waiting.
      if (await this.store.claim(key, 1).catch(() => false)) {
        await this.store.release(key).catch(() => {});
        return undefined;
      }
    }
    return undefined;
  }
}

function within<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
