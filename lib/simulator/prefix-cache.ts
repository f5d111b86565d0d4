import { createHash } from 'node:crypto';

/**
 * A prefix cache that behaves like DeepSeek's: prompts are stored in fixed units of tokens, and a
 * request hits for every leading unit that matches a remembered prefix of the same user and model.
 * Each unit is stored as a hash chained with the previous one, so a unit only matches when the
 * whole prefix before it matches too — no token arrays are kept.
 */

export interface PrefixCacheOptions {
  unitTokens?: number;
  maxBuckets?: number;
  maxUnitsPerBucket?: number;
}

export class PrefixCache {
  readonly unitTokens: number;
  readonly #maxBuckets: number;
  readonly #maxUnits: number;
  /** bucket (user + model) → unit hashes; both maps kept in least-recently-used order. */
  #buckets = new Map<string, Map<string, true>>();

  constructor({ unitTokens = 64, maxBuckets = 1000, maxUnitsPerBucket = 16_384 }: PrefixCacheOptions = {}) {
    this.unitTokens = unitTokens;
    this.#maxBuckets = maxBuckets;
    this.#maxUnits = maxUnitsPerBucket;
  }

  static bucketKey(userId: string | undefined, model: string): string {
    return `${userId ?? ''}\u0000${model}`;
  }

  /** Chained hashes of each whole unit of `tokens` (a trailing partial unit is not cacheable). */
  unitHashes(tokens: readonly string[]): string[] {
    const hashes: string[] = [];
    let previous = '';
    for (let end = this.unitTokens; end <= tokens.length; end += this.unitTokens) {
      const hash = createHash('sha1').update(previous);
      for (let i = end - this.unitTokens; i < end; i++) {
        const token = tokens[i] ?? '';
        hash.update(`${token.length}:${token}`);
      }
      previous = hash.digest('base64');
      hashes.push(previous);
    }
    return hashes;
  }

  /** Number of prompt tokens served from the cache. */
  lookup(bucketKey: string, hashes: readonly string[]): number {
    const bucket = this.#buckets.get(bucketKey);
    if (!bucket) return 0;
    let units = 0;
    while (units < hashes.length && bucket.has(hashes[units] as string)) units++;
    return units * this.unitTokens;
  }

  remember(bucketKey: string, hashes: readonly string[]): void {
    if (hashes.length === 0) return;
    let bucket = this.#buckets.get(bucketKey);
    if (bucket) this.#buckets.delete(bucketKey);
    else bucket = new Map();
    this.#buckets.set(bucketKey, bucket);
    for (const hash of hashes) {
      bucket.delete(hash);
      bucket.set(hash, true);
    }
    evictOldest(bucket, this.#maxUnits);
    evictOldest(this.#buckets, this.#maxBuckets);
  }

  clear(): void {
    this.#buckets.clear();
  }
}

function evictOldest(map: Map<string, unknown>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
