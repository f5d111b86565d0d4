import { AppError } from '@/lib/errors';

/** What a caller sees while the breaker is open: a 503 with Retry-After, at once. */
export function breakerOpenError(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('upstream_unavailable:upstream', {
    message: `The model service is unavailable, retrying in ${seconds} s.`,
    retryAfterSeconds: seconds,
    internalDetail: 'circuit breaker open',
  });
}
