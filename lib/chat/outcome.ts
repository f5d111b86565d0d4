import type { AppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import { classifyUpstreamError, isAbortError } from '@/lib/upstream';
import type { MessageStatus } from './types';

/**
 * How a turn failed, classified once: the stream layers report the same failure more than once,
 * and the first classification is the one that counts. A stop by the user or an abort is no failure.
 */
export class TurnFailure {
  current: AppError | undefined;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly stoppedByUser: () => boolean,
  ) {}

  /** The error chunk's text for the browser: `{code, message, retryAfterSeconds}` as JSON. */
  describe = (error: unknown): string => {
    if (!this.current && !this.stoppedByUser() && !isAbortError(error)) {
      this.current = classifyUpstreamError(error);
      this.logger.warn(
        { code: this.current.code, detail: this.current.internalDetail ?? this.current.message },
        'answer failed',
      );
    }
    const failure = this.current;
    if (!failure) return JSON.stringify({ code: 'upstream_interrupted:upstream', message: 'Stopped.' });
    return JSON.stringify({
      code: failure.code,
      message: failure.message,
      retryAfterSeconds: failure.retryAfterSeconds,
    });
  };
}

/** What the saved answer amounts to: a stop or a break after content keeps it as interrupted. */
export function turnStatus(outcome: {
  stoppedByUser: boolean;
  failed: boolean;
  sawContent: boolean;
  isAborted: boolean;
}): MessageStatus {
  if (outcome.stoppedByUser) return 'interrupted';
  if (outcome.failed) return outcome.sawContent ? 'interrupted' : 'error';
  return outcome.isAborted ? 'interrupted' : 'complete';
}
