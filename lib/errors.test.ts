import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

describe('AppError', () => {
  it('derives the status and the sentence from the code', async () => {
    const error = new AppError('not_found:conversation');
    expect(error.status).toBe(404);
    const response = error.toResponse('req_1');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.json()).toEqual({
      error: { code: 'not_found:conversation', message: 'Not found.', requestId: 'req_1' },
    });
  });

  it('never returns details of log-only errors', () => {
    const error = new AppError('upstream_auth:upstream', {
      message: 'Authentication Fails, key ****abcd',
      details: { raw: 1 },
    });
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/API key is invalid/);
    expect(JSON.stringify(error.toBody())).not.toContain('abcd');
    expect(error.internalDetail).toContain('abcd');
  });

  it('sends Retry-After when it knows when to retry', () => {
    const response = new AppError('rate_limit:chat', { retryAfterSeconds: 2.2 }).toResponse();
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('is rebuilt on the client from a body', () => {
    const rebuilt = AppError.fromBody(new AppError('upstream_rate_limit:upstream', { retryAfterSeconds: 5 }).toBody());
    expect(rebuilt?.code).toBe('upstream_rate_limit:upstream');
    expect(rebuilt?.retryAfterSeconds).toBe(5);
    expect(AppError.fromBody({ error: { code: 'nonsense', message: 'x' } })).toBeUndefined();
  });

  it('turns anything thrown into an internal error without leaking its text', () => {
    const error = toAppError(new Error('db password=hunter2'));
    expect(error.code).toBe('internal:api');
    expect(JSON.stringify(error.toBody())).not.toContain('hunter2');
  });
});
