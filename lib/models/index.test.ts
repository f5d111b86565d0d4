import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createRegistry, defaultCatalog, isPeak } from './index';

const registry = createRegistry();

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('model registry', () => {
  it('lists the current public models and hides nothing it should show', () => {
    expect(registry.list().map((model) => model.id)).toEqual(['deepseek-flash', 'deepseek-v4-pro']);
    expect(registry.get('deepseek-flash')?.vision).toBe(true);
    expect(registry.get('deepseek-v4-pro')?.vision).toBe(false);
  });

  it('resolves legacy ids to the model that serves them, with their forced thinking mode', () => {
    expect(registry.settingsFor('deepseek-chat', {})).toMatchObject({ model: 'deepseek-flash', thinking: false });
    expect(registry.settingsFor('deepseek-reasoner', {})).toMatchObject({ model: 'deepseek-flash', thinking: true });
    expect(registry.settingsFor('deepseek-v4-flash', {}).model).toBe('deepseek-flash');
    expect(rejection(() => registry.settingsFor('deepseek-chat', { thinking: true })).code).toBe('bad_request:params');
  });

  it('thinks by default, as the API does', () => {
    expect(registry.settingsFor('deepseek-flash', {})).toMatchObject({ thinking: true, effort: 'high' });
  });

  it('drops sampling parameters the model ignores while thinking, and says so', () => {
    const thinking = registry.settingsFor('deepseek-flash', { thinking: true, temperature: 0.2, topP: 0.5 });
    expect(thinking.temperature).toBeUndefined();
    expect(thinking.topP).toBeUndefined();
    expect(thinking.ignored).toEqual(['temperature', 'topP']);

    const direct = registry.settingsFor('deepseek-flash', {
      thinking: false,
      temperature: 0.2,
      topP: 0.5,
      effort: 'max',
    });
    expect(direct).toMatchObject({ temperature: 0.2, topP: 0.5, ignored: [] });
    expect(direct.effort).toBeUndefined();
  });

  it('rejects out-of-range values instead of clamping them', () => {
    const cases = [
      { temperature: 2.01 },
      { temperature: -1 },
      { topP: 1.5 },
      { maxTokens: 0 },
      { maxTokens: 384_001 },
      { stop: Array.from({ length: 17 }, (_, index) => `s${index}`) },
      { frequencyPenalty: 0.5 },
      { effort: 'max' as const, thinking: true, temperature: 9 },
    ];
    for (const params of cases) {
      const error = rejection(() => registry.settingsFor('deepseek-flash', params));
      expect(error.code).toBe('bad_request:params');
      expect(error.status).toBe(400);
    }
    const all = rejection(() => registry.settingsFor('deepseek-flash', { temperature: 3, topP: 2 }));
    expect((all.details as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it('rejects an unknown model by name', () => {
    const error = rejection(() => registry.settingsFor('gpt-4o', {}));
    expect(error.code).toBe('bad_request:model');
    expect(error.message).toContain('gpt-4o');
  });

  it('prices a call with cache hits, misses and output, at peak and off-peak', () => {
    const usage = { cacheHitTokens: 1_000_000, cacheMissTokens: 1_000_000, outputTokens: 1_000_000 };
    const peak = new Date('2026-11-23T02:00:00Z'); // Monday 02:00 UTC
    const offPeak = new Date('2026-11-22T02:00:00Z'); // Sunday
    expect(registry.costOf('deepseek-flash', usage, peak)).toBeCloseTo(0.006 + 0.3 + 1.2, 6);
    expect(registry.costOf('deepseek-flash', usage, offPeak)).toBeCloseTo(0.003 + 0.15 + 0.6, 6);
    expect(registry.costOf('deepseek-chat', usage, offPeak)).toBeCloseTo(0.753, 6);
    expect(registry.costOf('unknown', usage)).toBeUndefined();
  });

  it('knows the peak windows', () => {
    expect(isPeak(defaultCatalog, new Date('2026-11-23T00:59:00Z'))).toBe(false);
    expect(isPeak(defaultCatalog, new Date('2026-11-23T01:00:00Z'))).toBe(true);
    expect(isPeak(defaultCatalog, new Date('2026-11-23T05:00:00Z'))).toBe(false);
    expect(isPeak(defaultCatalog, new Date('2026-11-23T09:59:00Z'))).toBe(true);
    expect(isPeak(defaultCatalog, new Date('2026-11-28T07:00:00Z'))).toBe(false); // Saturday
  });
});
