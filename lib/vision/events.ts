import type { MessageUsage } from '@/lib/chat/types';
import type { ErrorCode } from '@/lib/errors';
import type { Redaction } from '@/lib/gateway/pii';

/** The server-sent events of `POST /api/vision/analysis?stream=1`, in order: image, delta…, done | error. */
export type AnalysisEvent =
  /** `redactions`: what PII_REDACTION replaced in the question (only when something was). */
  | {
      event: 'image';
      data: { mediaType: string; width: number; height: number; animated: boolean; redactions?: Redaction[] };
    }
  | { event: 'delta'; data: { text: string } }
  | {
      event: 'done';
      data: { model: string; usage?: MessageUsage; cost?: { amount: number; currency: string } };
    }
  | { event: 'error'; data: { error: { code: ErrorCode; message: string } } };

const encoder = new TextEncoder();

export function sseEvent({ event, data }: AnalysisEvent): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
