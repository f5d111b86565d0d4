import { describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/errors';
import { planTurn, titleFrom } from './plan';
import type { ChatMessage } from './types';

const user = (id: string, text = id): ChatMessage => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const assistant = (id: string): ChatMessage => ({ id, role: 'assistant', parts: [{ type: 'text', text: id }] });
const stored = [user('u1'), assistant('a1'), user('u2'), assistant('a2')];

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

describe('planTurn', () => {
  it('continues the last answer only when it was interrupted', () => {
    const cut: ChatMessage = { ...assistant('a2'), metadata: { status: 'interrupted' } };
    const history = [...stored.slice(0, 3), cut];
    const plan = planTurn(history, { trigger: 'continue-message', message: user('u2'), messageId: 'a2' });
    expect(plan.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(plan.write).toEqual({ kind: 'truncate', fromMessageId: 'a2' });
    const request = { trigger: 'continue-message', message: user('u2') } as const;
    expect(codeOf(() => planTurn(stored, { ...request, messageId: 'a2' }))).toBe('bad_request:chat');
    expect(codeOf(() => planTurn(history, { ...request, messageId: 'a1' }))).toBe('not_found:message');
  });

  it('appends a new question to the stored history', () => {
    const plan = planTurn(stored, { trigger: 'submit-message', message: user('u3') });
    expect(plan.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2', 'a2', 'u3']);
    expect(plan.write).toEqual({ kind: 'append', message: user('u3') });
  });

  it('refuses a message id that is already used', () => {
    expect(codeOf(() => planTurn(stored, { trigger: 'submit-message', message: user('a1') }))).toBe('conflict:message');
  });

  it('replaces an edited question and forgets what followed it', () => {
    const plan = planTurn(stored, { trigger: 'submit-message', message: user('client-id', 'better'), messageId: 'u1' });
    expect(plan.messages).toEqual([user('u1', 'better')]);
    expect(plan.write).toMatchObject({ kind: 'replace', messageId: 'u1' });
    expect(codeOf(() => planTurn(stored, { trigger: 'submit-message', message: user('x'), messageId: 'a1' }))).toBe(
      'not_found:message',
    );
  });

  it('regenerates the last answer, or a named one', () => {
    const last = planTurn(stored, { trigger: 'regenerate-message', message: user('u2') });
    expect(last.messages.map((message) => message.id)).toEqual(['u1', 'a1', 'u2']);
    expect(last.write).toEqual({ kind: 'truncate', fromMessageId: 'a2' });

    const named = planTurn(stored, { trigger: 'regenerate-message', message: user('u1'), messageId: 'a1' });
    expect(named.messages.map((message) => message.id)).toEqual(['u1']);
    expect(named.write).toEqual({ kind: 'truncate', fromMessageId: 'a1' });

    const unanswered = planTurn([user('u1')], { trigger: 'regenerate-message', message: user('u1') });
    expect(unanswered.write).toEqual({ kind: 'none' });
    expect(codeOf(() => planTurn([], { trigger: 'regenerate-message', message: user('u1') }))).toBe('bad_request:chat');
    expect(
      codeOf(() => planTurn(stored, { trigger: 'regenerate-message', message: user('u1'), messageId: 'u2' })),
    ).toBe('not_found:message');
  });
});

describe('titleFrom', () => {
  it('uses the first question on one line, shortened', () => {
    expect(titleFrom(user('x', '  Hello\n\n  world  '))).toBe('Hello world');
    expect(titleFrom(user('x', 'a'.repeat(200)))).toHaveLength(80);
    expect(titleFrom(user('x', '   '))).toBe('New chat');
  });
});
