import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { NetworkError } from '@/lib/query/api';
import { safeCallbackPath } from './callback-path';
import { failureFrom } from './client';

describe('auth failures in words', () => {
  it('classifies what the server answers', () => {
    expect(failureFrom(new AppError('rate_limit:auth', { retryAfterSeconds: 42 }))).toEqual({
      kind: 'rate_limited',
      retryAfterSeconds: 42,
    });
    expect(failureFrom(new AppError('bad_request:auth', { details: { reason: 'one_class' } }))).toEqual({
      kind: 'weak_password',
      reason: 'one_class',
    });
    expect(failureFrom(new AppError('bad_request:auth', { details: { reason: 'not_created' } })).kind).toBe(
      'not_created',
    );
    expect(failureFrom(new AppError('bad_request:auth', { message: 'Invalid request. email: bad' }))).toEqual({
      kind: 'invalid_input',
      message: 'Invalid request. email: bad',
    });
    expect(failureFrom(new NetworkError()).kind).toBe('network');
    expect(failureFrom(new Error('x')).kind).toBe('other');
  });
});

describe('callback paths', () => {
  it.each([
    ['/c/123?x=1', '/c/123?x=1'],
    ['/', '/'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/login?callbackUrl=/x', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
