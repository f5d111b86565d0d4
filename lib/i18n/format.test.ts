import { describe, expect, it } from 'vitest';
import { formatCompact, formatCost, formatSeconds, formatTokens } from './format';

describe('formatting for the answer footer', () => {
  it('formats tokens and context windows', () => {
    expect(formatTokens(12_345, 'en')).toBe('12,345');
    expect(formatCompact(1_000_000, 'en')).toBe('1M');
    expect(formatCompact(131_072, 'en')).toBe('131.1K');
  });

  it('formats durations as seconds', () => {
    expect(formatSeconds(420, 'en')).toBe('0.42 s');
    expect(formatSeconds(3_140, 'en')).toBe('3.1 s');
    expect(formatSeconds(75_000, 'en')).toBe('75 s');
  });

  it('shows fractions of a cent with two significant digits', () => {
    expect(formatCost(0.000_423, 'USD', 'en')).toBe('$0.00042');
    expect(formatCost(1.5, 'USD', 'en')).toBe('$1.50');
    expect(formatCost(0, 'USD', 'en')).toBe('$0.00');
    expect(formatCost(0.0042, 'CNY', 'zh-CN')).toBe('¥0.0042');
  });
});
