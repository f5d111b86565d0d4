import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import { chargedTokens, type TurnAdmission } from '@/lib/chat/quota';
import type { MessageStatus } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { recordUsageEvent } from '@/lib/db/queries/usage';
import { type AppError, toAppError } from '@/lib/errors';
import { auditChatTurn } from '@/lib/gateway/chat-audit';
import type { Logger } from '@/lib/log';
import type { ModelRegistry, ModelSpec } from '@/lib/models';
import { getRuntime } from '@/lib/runtime';
import { toRunUsage, type WireUsage } from './events';

export interface RunOutcome {
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  clientIp: string;
  spec: ModelSpec;
  admission: TurnAdmission;
  /** the request body as sent (hashed for the audit row) */
  body: string;
  redactions: number;
  usage?: WireUsage;
  streamed: string;
  failure?: AppError;
  stopped: boolean;
  /** ms from the request's arrival to the first reasoning or answer text */
  firstTokenMs?: number;
  /** the output filter masked a word */
  flagged: boolean;
}

/**
 * The end of a playground run: its usage row, the quota lease settled and its audit row. Returns
 * the cost (undefined when the model has no prices).
 */
export async function settleRun(
  registry: ModelRegistry,
  run: RunOutcome,
  logger: Logger,
): Promise<{ amount: number; currency: string } | undefined> {
  const { spec, admission, failure, streamed } = run;
  const status: MessageStatus =
    failure && streamed === '' ? 'error' : run.stopped || failure ? 'interrupted' : 'complete';
  const usedTokens = chargedTokens({
    usage: run.usage ? toMessageUsage(run.usage) : undefined,
    promptTokens: admission.promptTokens,
    partial: { parts: [{ type: 'text', text: streamed }] },
    failedBeforeOutput: Boolean(failure) && streamed === '',
  });
  const measured = run.usage ? toMessageUsage(run.usage) : estimatedUsage(usedTokens, admission.promptTokens);
  const amount = registry.costOf(spec.id, measured, new Date(run.receivedAt));
  const currency = spec.prices?.currency ?? 'USD';
  const audit = auditChatTurn({
    route: 'playground',
    requestId: run.requestId,
    user: run.user,
    clientIp: run.clientIp,
    model: spec.id,
    prompt: run.body,
    receivedAt: run.receivedAt,
    status,
    failure,
    usage: measured,
    stats: getRuntime().upstream.takeCallStats(run.requestId),
    redactions: run.redactions,
    flagged: run.flagged,
    firstTokenMs: run.firstTokenMs,
  });
  try {
    await recordUsageEvent(await getDb(), {
      userId: run.user.id,
      conversationId: null,
      model: spec.id,
      ...measured,
      costAmount: amount ?? 0,
      costCurrency: currency,
      status,
    });
  } catch (error) {
    logger.error({ err: toAppError(error).internalDetail }, 'recording usage failed');
  } finally {
    await Promise.all([admission.lease.settle({ usedTokens }), audit]);
  }
  return amount === undefined ? undefined : { amount, currency };
}

function toMessageUsage(wire: WireUsage) {
  const usage = toRunUsage(wire);
  return {
    inputTokens: usage.promptTokens,
    cacheHitTokens: usage.cacheHitTokens,
    cacheMissTokens: usage.cacheMissTokens,
    outputTokens: usage.outputTokens,
    reasoningTokens: usage.reasoningTokens,
    totalTokens: usage.totalTokens,
  };
}

/** Without the upstream's usage (stopped, broken off): the prompt estimate as uncached input, the rest output. */
function estimatedUsage(usedTokens: number, promptTokens: number) {
  const input = Math.min(promptTokens, usedTokens);
  return {
    inputTokens: input,
    cacheHitTokens: 0,
    cacheMissTokens: input,
    outputTokens: usedTokens - input,
    reasoningTokens: 0,
    totalTokens: usedTokens,
  };
}
