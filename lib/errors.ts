/**
 * One error taxonomy for the whole app. A code `type:surface` decides the HTTP status,
 * the sentence a person sees, and whether details are returned or only logged.
 * The browser rebuilds the same error from `{ code, message }` (see `AppError.fromBody`).
 */

export const errorTypes = {
  bad_request: { status: 400, visibility: 'response' },
  unauthorized: { status: 401, visibility: 'response' },
  forbidden: { status: 403, visibility: 'response' },
  not_found: { status: 404, visibility: 'response' },
  conflict: { status: 409, visibility: 'response' },
  payload_too_large: { status: 413, visibility: 'response' },
  unsupported_media_type: { status: 415, visibility: 'response' },
  rate_limit: { status: 429, visibility: 'response' },
  /** The operator's key is wrong: the user can do nothing, the operator must act. */
  upstream_auth: { status: 502, visibility: 'log' },
  /** The operator's account has no balance. */
  upstream_balance: { status: 502, visibility: 'log' },
  /** The model service refused the request as invalid (context too long, bad parameter). */
  upstream_rejected: { status: 422, visibility: 'response' },
  upstream_rate_limit: { status: 429, visibility: 'response' },
  upstream_unavailable: { status: 503, visibility: 'response' },
  upstream_timeout: { status: 504, visibility: 'response' },
  /** The stream broke after it started; the partial answer is kept. */
  upstream_interrupted: { status: 502, visibility: 'response' },
  internal: { status: 500, visibility: 'log' },
} as const satisfies Record<string, { status: number; visibility: 'response' | 'log' }>;

export type ErrorType = keyof typeof errorTypes;
export type Surface =
  | 'api'
  | 'chat'
  | 'conversation'
  | 'message'
  | 'model'
  | 'params'
  | 'upstream'
  | 'auth'
  | 'database'
  | 'playground'
  | 'preset'
  | 'compare'
  | 'attachment'
  | 'vision'
  | 'share'
  | 'export'
  | 'import';
export type ErrorCode = `${ErrorType}:${Surface}`;

const userMessages: Partial<Record<ErrorType, string>> & Record<'default', string> = {
  bad_request: 'The request could not be processed. Check the input and try again.',
  unauthorized: 'You need to sign in to continue.',
  forbidden: 'You do not have access to this.',
  not_found: 'Not found.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'This content type is not supported.',
  rate_limit: 'Too many requests. Try again shortly.',
  upstream_auth: "The server's DeepSeek API key is invalid. Tell the operator of this instance.",
  upstream_balance: "The server's DeepSeek account has no balance left. Tell the operator of this instance.",
  upstream_rejected: 'The model service rejected the request.',
  upstream_rate_limit: 'The model service is busy. Try again in a moment.',
  upstream_unavailable: 'The model service is busy or unavailable. Try again in a moment.',
  upstream_timeout: 'The model service did not answer in time. Try again.',
  upstream_interrupted: 'The answer was cut off. The partial answer was kept; you can retry.',
  internal: 'Something went wrong on the server. Try again.',
  default: 'Something went wrong. Try again.',
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId?: string;
    retryAfterSeconds?: number;
    details?: unknown;
  };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;
  /** Returned to the client only when the type's visibility is `response`. */
  readonly details?: unknown;
  /** Logged, never returned (e.g. the upstream's raw message for a key problem). */
  readonly internalDetail?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      details?: unknown;
      internalDetail?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    const [type, surface] = code.split(':') as [ErrorType, Surface];
    const visibility = errorTypes[type].visibility;
    const message =
      visibility === 'response' && options.message ? options.message : (userMessages[type] ?? userMessages.default);
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.type = type;
    this.surface = surface;
    this.status = errorTypes[type].status;
    this.details = visibility === 'response' ? options.details : undefined;
    this.internalDetail = options.internalDetail ?? (visibility === 'log' ? options.message : undefined);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get visibility(): 'response' | 'log' {
    return errorTypes[this.type].visibility;
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(requestId ? { requestId } : {}),
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }

  toResponse(requestId?: string, headers: HeadersInit = {}): Response {
    const responseHeaders = new Headers(headers);
    responseHeaders.set('content-type', 'application/json');
    responseHeaders.set('cache-control', 'no-store');
    if (requestId) responseHeaders.set('x-request-id', requestId);
    if (this.retryAfterSeconds !== undefined) {
      responseHeaders.set('retry-after', String(Math.max(0, Math.ceil(this.retryAfterSeconds))));
    }
    return new Response(JSON.stringify(this.toBody(requestId)), { status: this.status, headers: responseHeaders });
  }

  /** Rebuild an error on the client from a response body or a stream error text. */
  static fromBody(body: unknown): AppError | undefined {
    const candidate = (body as Partial<ErrorBody> | undefined)?.error;
    if (!candidate || typeof candidate.code !== 'string' || !isErrorCode(candidate.code)) return undefined;
    return new AppError(candidate.code, {
      message: candidate.message,
      details: candidate.details,
      retryAfterSeconds: candidate.retryAfterSeconds,
    });
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  const [type, surface] = value.split(':');
  return Boolean(type && surface && type in errorTypes);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Anything thrown becomes an AppError; unknown errors become `internal:api` (details logged only). */
export function toAppError(error: unknown, fallback: ErrorCode = 'internal:api'): AppError {
  if (error instanceof AppError) return error;
  return new AppError(fallback, {
    internalDetail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
