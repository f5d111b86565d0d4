import type { UIMessage } from 'ai';
import type { ErrorCode } from '@/lib/errors';

/** Final state of an assistant message. */
export type MessageStatus = 'complete' | 'interrupted' | 'error';

export interface MessageUsage {
  /** prompt_tokens = cacheHitTokens + cacheMissTokens */
  inputTokens: number;
  cacheHitTokens: number;
  cacheMissTokens: number;
  /** completion tokens, reasoning included */
  outputTokens: number;
  reasoningTokens: number;
  totalTokens: number;
}

export interface MessageTiming {
  /** epoch ms when the server started the upstream call */
  startedAt: number;
  /** ms from the server receiving the request to the first reasoning or text token */
  firstTokenMs?: number;
  /** ms spent streaming reasoning (thinking panel timer) */
  reasoningMs?: number;
  /** ms from request to the end of the stream */
  durationMs?: number;
}

/** Metadata carried on every stored and streamed message (one app-wide type). */
export interface ChatMetadata {
  conversationId?: string;
  createdAt?: number;
  /** the model id requested (as the user picked it) */
  model?: string;
  thinking?: boolean;
  effort?: string;
  status?: MessageStatus;
  finishReason?: string;
  usage?: MessageUsage;
  cost?: { amount: number; currency: string };
  timing?: MessageTiming;
  requestId?: string;
  /** set when status is `error` or `interrupted` by an upstream failure */
  error?: { code: ErrorCode; message: string };
  /** parameters the model ignored in this mode (not sent upstream) */
  ignoredParams?: string[];
  /** gateway: the answer was replayed from the response cache (no upstream call) */
  cached?: boolean;
  /** gateway: what PII redaction replaced in the question before it was stored or sent (on it and its answer) */
  redactions?: { kind: 'api_key' | 'email' | 'id_number' | 'card' | 'phone'; count: number }[];
  /** gateway: the output word filter masked something in this answer */
  flagged?: boolean;
}

export type ChatMessage = UIMessage<ChatMetadata>;
