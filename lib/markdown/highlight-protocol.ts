import { type HighlightedCode, tokenize } from './highlighter';
import { highlightStreaming, type StreamingHighlight } from './progressive-highlight';

/**
 * The messages between the highlight client (main thread) and highlight.worker.ts. Plain data only:
 * they are structured-cloned. `lang` is always a resolved shiki id.
 */
export interface HighlightRequest {
  id: number;
  /** A finished block, or the complete lines of one still streaming (see progressive-highlight.ts). */
  kind: 'final' | 'streaming';
  code: string;
  lang: string;
}

export type HighlightResult = HighlightedCode | StreamingHighlight | undefined;

/** `{ ready: true }` is posted once, when the worker's module has evaluated: it started. */
export type HighlightResponse =
  | { ready: true }
  | { id: number; result: HighlightResult }
  | { id: number; error: string };

/**
 * Answers one request with the in-thread highlighter: what the worker runs for each message, and
 * what the client runs itself when there is no worker. Never rejects.
 */
export async function answerRequest(request: HighlightRequest): Promise<HighlightResponse> {
  try {
    const result =
      request.kind === 'final'
        ? await tokenize(request.code, request.lang)
        : await highlightStreaming(request.code, request.lang);
    return { id: request.id, result };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
