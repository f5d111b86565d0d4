/**
 * Errors the upstream seam raises itself. Their names are deliberately not `AbortError` or
 * `TimeoutError`: the ai SDK treats those names as a caller abort and would swallow them.
 */

export type TimeoutPhase = 'headers' | 'first-content' | 'idle';

/** No response headers, no first `data:` line, or too long a gap between `data:` lines. */
export class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
  constructor(
    readonly phase: TimeoutPhase,
    readonly timeoutMs: number,
  ) {
    super(`Upstream ${phase} timeout after ${timeoutMs} ms`);
  }
}

/** The response stream broke after it started (connection dropped, ended without `data: [DONE]`). */
export class UpstreamInterruptedError extends Error {
  override readonly name = 'UpstreamInterruptedError';
}
