import { describe, expect, it } from 'vitest';
import { addPane, applyToAll, duplicatePane, type EditablePane, paneLetter, removePane, withParam } from './panes';

const a: EditablePane = { conversationId: 'c-a', model: 'deepseek-flash', params: { thinking: false, temperature: 0 } };
const b: EditablePane = { model: 'deepseek-v4-pro', params: { thinking: true, effort: 'low' } };

describe('pane list edits', () => {
  it('adds up to four and removes down to two', () => {
    const four = addPane(addPane([a, b], b), b);
    expect(four).toHaveLength(4);
    expect(addPane(four, a)).toHaveLength(4);
    expect(removePane(four, 0)).toEqual([b, b, b]);
    expect(removePane([a, b], 0)).toEqual([a, b]);
  });

  it('duplicates a saved pane as a new pane that copies its history', () => {
    const list = duplicatePane([a, b], 0);
    expect(list).toHaveLength(3);
    expect(list[1]).toEqual({ model: 'deepseek-flash', params: { thinking: false, temperature: 0 }, copyOf: 'c-a' });
    expect(list[1]?.params).not.toBe(a.params);
    expect(duplicatePane([a, b], 1)[2]).toEqual(b);
  });

  it('applies one parameter to every pane, clearing it where the source has none', () => {
    const list = applyToAll([a, b], 0, 'temperature');
    expect(list.map((pane) => pane.params.temperature)).toEqual([0, 0]);
    expect(applyToAll([a, b], 1, 'temperature').map((pane) => pane.params.temperature)).toEqual([undefined, undefined]);
    expect(applyToAll([a, b], 1, 'model').map((pane) => pane.model)).toEqual(['deepseek-v4-pro', 'deepseek-v4-pro']);
    expect(applyToAll([a, b], 1, 'thinking').map((pane) => pane.params.thinking)).toEqual([true, true]);
  });

  it('sets and clears a parameter; letters name panes', () => {
    expect(withParam({ topP: 1 }, 'topP', undefined)).toEqual({});
    expect(withParam({}, 'maxTokens', 64)).toEqual({ maxTokens: 64 });
    expect([0, 1, 2, 3].map(paneLetter).join('')).toBe('ABCD');
  });
});
