import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { assertJsonOrEmpty, assertSameOrigin } from './same-origin';

const request = (method: string, headers: Record<string, string>, url = 'http://studio.test/api/x') =>
  new Request(url, { method, headers });

function refusal(run: () => void): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.status;
  }
}

describe('same-origin check', () => {
  it('lets safe methods through whatever they carry', () => {
    expect(
      refusal(() => assertSameOrigin(request('GET', { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }))),
    ).toBe(undefined);
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ 'sec-fetch-site': 'same-site', origin: 'http://studio.test' }, 403],
    [{ origin: 'https://evil.test' }, 403],
    [{ origin: 'null' }, 403],
    [{ origin: 'http://studio.test.evil.test' }, 403],
    [{ origin: 'http://studio.test', host: 'studio.test' }, undefined],
    [{ 'sec-fetch-site': 'same-origin', origin: 'http://studio.test' }, undefined],
    [{ origin: 'https://studio.example', 'x-forwarded-host': 'studio.example' }, undefined],
    [{}, undefined],
  ])('POST with %o → %s', (headers, status) => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(refusal(() => assertSameOrigin(request(method, headers)))).toBe(status);
    }
  });

  it('accepts only AUTH_URL when it is set', () => {
    const publicUrl = 'https://studio.example.com';
    expect(
      refusal(() => assertSameOrigin(request('POST', { origin: 'https://studio.example.com' }), { publicUrl })),
    ).toBe(undefined);
    expect(refusal(() => assertSameOrigin(request('POST', { origin: 'http://studio.test' }), { publicUrl }))).toBe(403);
    expect(
      refusal(() => assertSameOrigin(request('POST', { origin: 'http://studio.example.com' }), { publicUrl })),
    ).toBe(403);
  });
});

describe('JSON-only bodies', () => {
  it.each([
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/json', undefined],
    ['application/json; charset=utf-8', undefined],
  ])('%s → %s', (type, status) => {
    expect(refusal(() => assertJsonOrEmpty(request('POST', { 'content-type': type })))).toBe(status);
    expect(refusal(() => assertJsonOrEmpty(request('GET', { 'content-type': type })))).toBe(undefined);
  });

  it('accepts a state-changing request without a body', () => {
    expect(refusal(() => assertJsonOrEmpty(request('DELETE', {})))).toBe(undefined);
  });
});
