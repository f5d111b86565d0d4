import 'server-only';
import type { ModelMessage } from 'ai';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { MessageStatus, MessageUsage } from '@/lib/chat/types';
import type { AppError } from '@/lib/errors';
import type { CallStats } from '@/lib/upstream';
import { recordAudit } from './audit';
import type { CacheStatus } from './cache';

/** The text the prompt hash covers: the system prompt and the messages as sent upstream. */
export function promptOf(system: string | undefined, messages: ModelMessage[]): string {
  return JSON.stringify({ system: system ?? null, messages });
}

export interface TurnAuditInput {
  /** The route id for the row and the request metrics; `chat` unless given. */
  route?: string;
  requestId: string;
  user: CurrentUser;
  clientIp: string;
  model: string;
  prompt: string;
  receivedAt: number;
  status: MessageStatus;
  failure?: AppError;
  usage?: MessageUsage;
  stats?: CallStats;
  cacheStatus?: CacheStatus;
  redactions: number;
  flagged: boolean;
  firstTokenMs?: number;
}

/** The audit row of a model request that streamed (complete, interrupted or error): chat, playground, vision. */
export function auditChatTurn(input: TurnAuditInput): Promise<void> {
  return recordAudit({
    requestId: input.requestId,
    user: { id: input.user.id, email: input.user.email },
    clientIp: input.clientIp,
    route: input.route ?? 'chat',
    model: input.model,
    prompt: input.prompt,
    usage: input.usage,
    status: input.status,
    // What the turn amounted to; the HTTP response itself was a 200 stream.
    httpStatus: input.status === 'error' && input.failure ? input.failure.status : 200,
    errorCode: input.failure?.code,
    upstreamStatus: input.stats?.upstreamStatus,
    retries: input.stats?.retries ?? 0,
    cacheStatus: input.cacheStatus,
    redactions: input.redactions,
    flagged: input.flagged,
    ttftMs: input.firstTokenMs,
    durationMs: Date.now() - input.receivedAt,
    receivedAt: input.receivedAt,
  });
}

/** The audit row of a model request refused before streaming (limits, breaker, validation). */
export function auditRejectedTurn(input: {
  route?: string;
  requestId: string;
  user: CurrentUser;
  clientIp: string;
  model?: string;
  receivedAt: number;
  error: AppError;
  redactions?: number;
}): Promise<void> {
  return recordAudit({
    requestId: input.requestId,
    user: { id: input.user.id, email: input.user.email },
    clientIp: input.clientIp,
    route: input.route ?? 'chat',
    model: input.model,
    status: 'rejected',
    httpStatus: input.error.status,
    errorCode: input.error.code,
    redactions: input.redactions,
    durationMs: Date.now() - input.receivedAt,
    receivedAt: input.receivedAt,
  });
}
