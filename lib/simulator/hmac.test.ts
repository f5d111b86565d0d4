import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeEqual, signHmac } from './hmac';

const vector = {
  secretKey: 'sim-secret-0001',
  method: 'POST',
  path: '/api/simulator/v1/chat/completions?trace=1',
  timestamp: 1795440000,
  body: '{"model":"deepseek-flash"}',
};

describe('signHmac', () => {
  it('matches an independent node:crypto computation of the documented formula', () => {
    const expected = createHmac('sha256', vector.secretKey)
      .update(`${vector.method}\n${vector.path}\n${vector.timestamp}\n${vector.body}`)
      .digest('base64');
    expect(signHmac(vector)).toBe(expected);
  });

  it('matches the pinned test vector (shared with the app signer)', () => {
    expect(signHmac(vector)).toBe('UpiQCY29Qw5pNLejGwWVG09s2pEXeBFsu+twFXi07YM=');
  });

  it('treats a byte body like the same string, and upper-cases the method', () => {
    const bytes = new TextEncoder().encode(vector.body);
    expect(signHmac({ ...vector, body: bytes, method: 'post' })).toBe(signHmac(vector));
  });

  it('signs GET with an empty body', () => {
    const expected = createHmac('sha256', 'k').update('GET\n/models\n1\n').digest('base64');
    expect(signHmac({ secretKey: 'k', method: 'GET', path: '/models', timestamp: '1', body: '' })).toBe(expected);
  });
});

describe('safeEqual', () => {
  it('compares values of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
