/**
 * Error bodies in DeepSeek's wire shape: `{"error":{"message","type","param","code"}}`.
 * Messages follow the recorded bodies where one exists (401, 402) and DeepSeek's error-code
 * table otherwise; the exact `type` strings of the unrecorded ones are a best guess.
 */

export interface WireError {
  error: { message: string; type: string | null; param: string | null; code: string | number | null };
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function wireError(message: string, type: string, code: string | null = 'invalid_request_error'): WireError {
  return { error: { message, type, param: null, code } };
}

export function errorResponse(status: number, message: string, type = 'invalid_request_error', headers?: HeadersInit) {
  return jsonResponse(status, wireError(message, type), headers);
}

/** Shows only the last four characters of what was sent; short or empty values show none. */
export function maskKey(sent: string): string {
  return sent.length > 8 ? `****${sent.slice(-4)}` : '****';
}

export function authFailure(sentKey: string, headers?: HeadersInit): Response {
  return errorResponse(
    401,
    `Authentication Fails, Your api key: ${maskKey(sentKey)} is invalid`,
    'authentication_error',
    headers,
  );
}

/** The body DeepSeek answers for a status, used by `X-Simulator-Fault: status=…`. */
export function bodyForStatus(status: number, sentKey: string): WireError {
  switch (status) {
    case 400:
      return wireError('Invalid request format (simulated)', 'invalid_request_error');
    case 401:
      return wireError(`Authentication Fails, Your api key: ${maskKey(sentKey)} is invalid`, 'authentication_error');
    case 402:
      return wireError('Insufficient Balance', 'unknown_error');
    case 422:
      return wireError('Invalid Parameters (simulated)', 'invalid_request_error');
    case 429:
      return wireError('Rate Limit Reached', 'rate_limit_error', 'rate_limit_exceeded');
    case 500:
      return wireError('Server Error', 'server_error', 'internal_error');
    case 503:
      return wireError('Server Overloaded', 'server_error', 'server_overloaded');
    default:
      return wireError(`Simulated HTTP ${status}`, status >= 500 ? 'server_error' : 'invalid_request_error');
  }
}
