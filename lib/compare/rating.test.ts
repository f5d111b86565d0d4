import { describe, expect, it } from 'vitest';
import { configKey } from './config';
import { expectedScore, initialRating, kFactor, type RatedVote, rankConfigurations } from './rating';
import type { PaneConfig } from './types';

const config = (model: string, extra: Partial<Omit<PaneConfig, 'key' | 'model'>> = {}): PaneConfig => {
  const fields = { model, thinking: false, ...extra };
  return { key: configKey(fields), ...fields };
};
const flash = config('deepseek-flash', { temperature: 0 });
const hot = config('deepseek-flash', { temperature: 1.3 });
const pro = config('deepseek-v4-pro', { thinking: true, effort: 'high' });

describe('expectedScore', () => {
  it('is one half between equals and symmetric', () => {
    expect(expectedScore(1000, 1000)).toBe(0.5);
    expect(expectedScore(1200, 1000) + expectedScore(1000, 1200)).toBeCloseTo(1, 12);
    // 400 points apart: ten to one.
    expect(expectedScore(1400, 1000)).toBeCloseTo(10 / 11, 12);
  });
});

describe('rankConfigurations', () => {
  it('moves K/2 points from loser to winner in a first game between equals', () => {
    const [winner, loser] = rankConfigurations([{ outcome: 'win', winner: 1, configs: [flash, hot] }]);
    expect(winner).toMatchObject({ key: hot.key, wins: 1, losses: 0, votes: 1, winRate: 1 });
    expect(winner?.rating).toBe(initialRating + kFactor / 2);
    expect(loser).toMatchObject({ key: flash.key, wins: 0, losses: 1, votes: 1, winRate: 0 });
    expect(loser?.rating).toBe(initialRating - kFactor / 2);
  });

  it('scores the second game against the updated ratings', () => {
    const votes: RatedVote[] = [
      { outcome: 'win', winner: 0, configs: [flash, hot] },
      { outcome: 'win', winner: 0, configs: [flash, hot] },
    ];
    const [first] = rankConfigurations(votes);
    const afterOne = initialRating + 16;
    const second = kFactor * (1 - expectedScore(afterOne, initialRating - 16));
    expect(first?.rating).toBeCloseTo(afterOne + second, 10);
    expect(first?.winRate).toBe(1);
  });

  it('a tie between equals changes nothing but counts as a vote; a tie against a stronger one gains', () => {
    const even = rankConfigurations([{ outcome: 'tie', configs: [flash, hot] }]);
    expect(even.map((entry) => entry.rating)).toEqual([initialRating, initialRating]);
    expect(even.map((entry) => [entry.votes, entry.ties, entry.winRate])).toEqual([
      [1, 1, 0],
      [1, 1, 0],
    ]);

    const ranked = rankConfigurations([
      { outcome: 'win', winner: 0, configs: [pro, flash] },
      { outcome: 'bad', configs: [pro, flash] },
    ]);
    const byKey = new Map(ranked.map((entry) => [entry.key, entry]));
    expect(byKey.get(flash.key)?.rating).toBeGreaterThan(initialRating - 16);
    expect(byKey.get(flash.key)?.bad).toBe(1);
    expect(byKey.get(pro.key)).toMatchObject({ votes: 2, wins: 1, bad: 1, winRate: 0.5 });
  });

  it('with more panes the winner beats every other one, and ratings sum stays constant', () => {
    const ranked = rankConfigurations([{ outcome: 'win', winner: 2, configs: [flash, hot, pro] }]);
    expect(ranked[0]).toMatchObject({ key: pro.key, wins: 1, rating: initialRating + kFactor });
    expect(ranked.slice(1).map((entry) => entry.rating)).toEqual([initialRating - 16, initialRating - 16]);
    expect(ranked.reduce((sum, entry) => sum + entry.rating, 0)).toBeCloseTo(3 * initialRating, 10);
  });

  it('two panes with one configuration never play each other and count one vote', () => {
    const ranked = rankConfigurations([{ outcome: 'win', winner: 0, configs: [flash, flash, hot] }]);
    const byKey = new Map(ranked.map((entry) => [entry.key, entry]));
    expect(byKey.get(flash.key)).toMatchObject({ votes: 1, wins: 1, rating: initialRating + 16 });
    expect(byKey.get(hot.key)).toMatchObject({ votes: 1, losses: 1, rating: initialRating - 16 });
  });

  it('the same model with other parameters is its own entry', () => {
    expect(flash.key).toBe('deepseek-flash;thinking=off;temperature=0');
    expect(hot.key).not.toBe(flash.key);
    expect(rankConfigurations([{ outcome: 'tie', configs: [flash, hot] }])).toHaveLength(2);
    expect(rankConfigurations([])).toEqual([]);
  });
});
