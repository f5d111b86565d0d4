import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { describeError } from '@/lib/i18n/describe-error';
import { chatErrorToAppError, errorFromText, isNotFound, NetworkError } from './api';

describe('errors from the server, rebuilt in the browser', () => {
  it('reads an error body', () => {
    const error = errorFromText(
      JSON.stringify({ error: { code: 'upstream_rate_limit:upstream', message: 'busy', retryAfterSeconds: 12 } }),
      429,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('upstream_rate_limit:upstream');
    expect(error.retryAfterSeconds).toBe(12);
  });

  it('reads the bare {code, message} of a stream error chunk', () => {
    const error = errorFromText(JSON.stringify({ code: 'upstream_auth:upstream', message: 'whatever' }));
    expect(error.code).toBe('upstream_auth:upstream');
    // Operator problems never echo upstream detail: the taxonomy's sentence is used.
    expect(error.message).toBe("The server's DeepSeek API key is invalid. Tell the operator of this instance.");
  });

  it('falls back on the status when the body is not ours', () => {
    expect(errorFromText('<html>Not Found</html>', 404).type).toBe('not_found');
    expect(isNotFound(errorFromText('', 404))).toBe(true);
    expect(errorFromText('oops', 500).type).toBe('internal');
  });

  it('turns what useChat reports into one error type', () => {
    const http = Object.assign(new Error('{"error":{"code":"conflict:chat","message":"busy"}}'), {
      statusCode: 409,
      responseBody: '{"error":{"code":"conflict:chat","message":"busy"}}',
    });
    expect((chatErrorToAppError(http) as AppError).code).toBe('conflict:chat');
    expect(chatErrorToAppError(new TypeError('Failed to fetch'))).toBeInstanceOf(NetworkError);
    const stream = new Error(JSON.stringify({ code: 'upstream_interrupted:upstream', message: 'cut' }));
    expect((chatErrorToAppError(stream) as AppError).type).toBe('upstream_interrupted');
  });
});

describe('describeError', () => {
  it('counts down a Retry-After in words', () => {
    const busy = new AppError('upstream_rate_limit:upstream', { retryAfterSeconds: 12 });
    expect(describeError(busy)).toMatchObject({ key: 'errors.upstream_rate_limit.wait', vars: { seconds: 12 } });
    expect(describeError(busy, 3)).toMatchObject({ vars: { seconds: 3 } });
    expect(describeError(busy, 0).key).toBe('errors.upstream_rate_limit');
  });

  it('keeps a specific server sentence for bad requests only', () => {
    const bad = new AppError('bad_request:params', { message: 'temperature must be between 0 and 2 (got 3).' });
    expect(describeError(bad)).toMatchObject({ key: 'errors.bad_request', serverMessage: bad.message });
    expect(describeError(new AppError('upstream_auth:upstream')).serverMessage).toBeUndefined();
    expect(describeError(new NetworkError()).key).toBe('errors.network');
  });
});
