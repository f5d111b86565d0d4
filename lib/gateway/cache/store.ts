import type Redis from 'ioredis';

/** A stored answer: the model's stream parts (text, reasoning, finish), replayed on a hit. */
export interface CachedAnswer {
  parts: unknown[];
  storedAt: number;
}

export interface CacheStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer, ttlMs: number): Promise<void>;
  /** A cross-instance claim on a key's upstream call (single flight); true when this caller won it. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/** In-process LRU with a TTL per entry (a Map keeps insertion order: re-inserting marks it recent). */
export class MemoryCacheStore implements CacheStore {
  #entries = new Map<string, { value: CachedAnswer; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: CachedAnswer, ttlMs: number) {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  // One process: the in-flight map in ResponseCache already makes its calls single-flight.
  async claim() {
    return true;
  }

  async release() {}

  async close() {
    this.#entries.clear();
  }

  get size() {
    return this.#entries.size;
  }
}

/** Redis: entries as JSON strings with PX expiry; the claim is a SET NX PX lock. */
export class RedisCacheStore implements CacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string) {
    const raw = await this.redis.get(`${this.prefix}:cache:${key}`);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as CachedAnswer;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: CachedAnswer, ttlMs: number) {
    await this.redis.set(`${this.prefix}:cache:${key}`, JSON.stringify(value), 'PX', ttlMs);
  }

  async claim(key: string, ttlMs: number) {
    return (await this.redis.set(`${this.prefix}:cache-lock:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(key: string) {
    await this.redis.del(`${this.prefix}:cache-lock:${key}`);
  }

  async close() {
    await this.redis.quit();
  }
}
