import { AppError, type ErrorType } from '@/lib/errors';
import { NetworkError } from '@/lib/query/api';
import type { MessageKey, TranslateVars } from './languages';

/** Error types whose server message is specific and worth showing as-is (e.g. which parameter is wrong). */
const specific = new Set<ErrorType>(['bad_request', 'upstream_rejected', 'payload_too_large']);

export interface ErrorDescription {
  key: MessageKey;
  vars?: TranslateVars;
  /** The server's own sentence, shown instead of the catalog's when it says more (English only). */
  serverMessage?: string;
  retryAfterSeconds?: number;
}

/** Maps an error to words from the catalog; `secondsLeft` counts down a Retry-After. */
export function describeError(error: AppError | NetworkError | Error, secondsLeft?: number): ErrorDescription {
  if (error instanceof NetworkError) return { key: 'errors.network' };
  if (!(error instanceof AppError)) return { key: 'errors.default' };
  const wait = secondsLeft ?? error.retryAfterSeconds;
  if ((error.type === 'upstream_rate_limit' || error.type === 'rate_limit') && wait !== undefined && wait > 0) {
    return {
      key: `errors.${error.type}.wait`,
      vars: { seconds: Math.ceil(wait) },
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  return {
    key: `errors.${error.type}`,
    serverMessage: specific.has(error.type) ? error.message : undefined,
    retryAfterSeconds: error.retryAfterSeconds,
  };
}
