import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferredStorage } from './deferred-storage';

function memoryStorage(): Storage & { writes: number } {
  const data = new Map<string, string>();
  return {
    writes: 0,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (name) => data.get(name) ?? null,
    setItem(name, value) {
      this.writes += 1;
      data.set(name, value);
    },
    removeItem: (name) => void data.delete(name),
  };
}

describe('deferredStorage', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the latest value once after a burst of changes, and reads it back before then', () => {
    const backing = memoryStorage();
    const storage = deferredStorage(() => backing, 400);
    for (const text of ['h', 'he', 'hel', 'hell', 'hello']) storage.setItem('drafts', text);

    expect(storage.getItem('drafts')).toBe('hello');
    expect(backing.getItem('drafts')).toBeNull();

    vi.advanceTimersByTime(400);
    expect(backing.getItem('drafts')).toBe('hello');
    expect(backing.writes).toBe(1);
  });

  it('removes an item after the delay, and reads it as gone at once', () => {
    const backing = memoryStorage();
    backing.setItem('drafts', 'old');
    const storage = deferredStorage(() => backing, 400);
    storage.removeItem('drafts');

    expect(storage.getItem('drafts')).toBeNull();
    expect(backing.getItem('drafts')).toBe('old');
    vi.advanceTimersByTime(400);
    expect(backing.getItem('drafts')).toBeNull();
  });
});
