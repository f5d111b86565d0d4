import { createHash } from 'node:crypto';

/**
 * The cache key: SHA-256 over a canonical JSON form (object keys sorted, undefined dropped) of
 * everything that decides the answer — the user's scope (a cache is never shared across users),
 * the model, thinking mode and effort, the system prompt, the messages as sent, and every sampling
 * parameter. Computed after PII redaction, so the key never hashes what was redacted.
 */
export interface CacheKeyInput {
  scope: string;
  model: string;
  thinking: boolean;
  effort?: string;
  system?: string;
  messages: unknown;
  sampling: Record<string, unknown>;
}

export function cacheKey(input: CacheKeyInput): string {
  return createHash('sha256')
    .update(canonicalJson({ v: 1, ...input }))
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}
