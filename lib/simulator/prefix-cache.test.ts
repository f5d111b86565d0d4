import { describe, expect, it } from 'vitest';
import { createSimulator } from './handler';
import { PrefixCache } from './prefix-cache';
import { chatRequest } from './testing';

const tokens = (n: number, salt = '') => Array.from({ length: n }, (_, i) => `t${salt}${i}`);

describe('PrefixCache', () => {
  it('hits whole 64-token units of the longest remembered prefix', () => {
    const cache = new PrefixCache();
    const key = PrefixCache.bucketKey('u1', 'm');
    cache.remember(key, cache.unitHashes(tokens(150)));
    expect(cache.lookup(key, cache.unitHashes(tokens(300)))).toBe(128);
    expect(cache.lookup(key, cache.unitHashes(tokens(100)))).toBe(64);
    expect(cache.lookup(key, cache.unitHashes(tokens(63)))).toBe(0);
  });

  it('misses after a difference, even if later tokens match', () => {
    const cache = new PrefixCache();
    const key = PrefixCache.bucketKey(undefined, 'm');
    cache.remember(key, cache.unitHashes(tokens(256)));
    const changed = tokens(256);
    changed[70] = 'different';
    expect(cache.lookup(key, cache.unitHashes(changed))).toBe(64);
  });

  it('isolates users and models', () => {
    const cache = new PrefixCache();
    cache.remember(PrefixCache.bucketKey('a', 'm'), cache.unitHashes(tokens(128)));
    expect(cache.lookup(PrefixCache.bucketKey('b', 'm'), cache.unitHashes(tokens(128)))).toBe(0);
    expect(cache.lookup(PrefixCache.bucketKey('a', 'n'), cache.unitHashes(tokens(128)))).toBe(0);
  });

  it('forgets the least recently used buckets', () => {
    const cache = new PrefixCache({ maxBuckets: 2 });
    for (const user of ['a', 'b', 'c']) cache.remember(PrefixCache.bucketKey(user, 'm'), cache.unitHashes(tokens(64)));
    expect(cache.lookup(PrefixCache.bucketKey('a', 'm'), cache.unitHashes(tokens(64)))).toBe(0);
    expect(cache.lookup(PrefixCache.bucketKey('c', 'm'), cache.unitHashes(tokens(64)))).toBe(64);
  });
});

describe('prefix cache in usage', () => {
  const system = { role: 'system', content: `You are a careful assistant. ${'Follow the house rules. '.repeat(40)}` };
  const usageOf = async (simulator: ReturnType<typeof createSimulator>, body: Record<string, unknown>) => {
    const response = await simulator.handle(chatRequest({ model: 'deepseek-flash', ...body }));
    const json = await response.json();
    return { usage: json.usage, message: json.choices[0].message };
  };

  it('reports cache hits on the second turn of a conversation, per user', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const turn1 = [system, { role: 'user', content: 'First question' }];
    const first = await usageOf(simulator, { messages: turn1, user_id: 'alice' });
    expect(first.usage.prompt_cache_hit_tokens).toBe(0);
    expect(first.usage.prompt_cache_miss_tokens).toBe(first.usage.prompt_tokens);

    const turn2 = [
      ...turn1,
      { role: 'assistant', content: first.message.content },
      { role: 'user', content: 'Second' },
    ];
    const second = await usageOf(simulator, { messages: turn2, user_id: 'alice' });
    const hit = second.usage.prompt_cache_hit_tokens;
    expect(hit % 64).toBe(0);
    // Turn 1's prompt and its answer (not its reasoning) were remembered; whole units of that hit.
    const answerTokens = first.usage.completion_tokens - first.usage.completion_tokens_details.reasoning_tokens;
    expect(hit).toBe(Math.floor((first.usage.prompt_tokens + answerTokens) / 64) * 64);
    expect(hit).toBeGreaterThan(first.usage.prompt_tokens);
    expect(second.usage.prompt_cache_miss_tokens).toBe(second.usage.prompt_tokens - hit);
    expect(second.usage.prompt_tokens_details.cached_tokens).toBe(hit);

    const otherUser = await usageOf(simulator, { messages: turn2, user_id: 'bob' });
    expect(otherUser.usage.prompt_cache_hit_tokens).toBe(0);
  });

  it('shares a default bucket when user_id is absent', async () => {
    const simulator = createSimulator({ auth: { scheme: 'none' } });
    const messages = [system, { role: 'user', content: 'Same prompt' }];
    await usageOf(simulator, { messages });
    const again = await usageOf(simulator, { messages });
    expect(again.usage.prompt_cache_hit_tokens).toBe(Math.floor(again.usage.prompt_tokens / 64) * 64);
  });
});
