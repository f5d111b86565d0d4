import 'server-only';
import type { ModelMessage } from 'ai';
import type { Database } from '@/lib/db/client';
import { saveAssistantMessage } from '@/lib/db/queries/messages';
import { recordUsageEvent } from '@/lib/db/queries/usage';
import { toAppError } from '@/lib/errors';
import { type ChatGateway, redactionCount } from '@/lib/gateway/chat';
import { auditChatTurn, promptOf } from '@/lib/gateway/chat-audit';
import type { Logger } from '@/lib/log';
import type { CallSettings } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { getRuntime } from '@/lib/runtime';
import { isAbortError } from '@/lib/upstream';
import { type ActiveGeneration, endGeneration } from './active';
import type { TurnContext } from './context';
import type { TurnMeter } from './meter';
import { type TurnFailure, turnStatus } from './outcome';
import { chargedTokens, ledgerEntry, type TurnAdmission } from './quota';
import type { ChatMessage, ChatMetadata } from './types';

export interface FinishInput {
  ctx: TurnContext;
  db: Database;
  settings: CallSettings;
  conversationId: string;
  system: string | undefined;
  /** the messages as sent upstream (for the prompt hash) */
  messages: ModelMessage[];
  /** the turn's last user message (its redactions) */
  question: ChatMessage | undefined;
  admission: TurnAdmission;
  meter: TurnMeter;
  failure: TurnFailure;
  gateway: ChatGateway;
  generation: ActiveGeneration;
  startMetadata: ChatMetadata;
  /** the writes before the answer (conversation, question, images) */
  writes: Promise<void>;
  logger: Logger;
}

/**
 * The end of a streamed turn, whether the browser is still there or not: the answer is saved, the
 * usage ledger and the audit row written, the quota lease settled and the generation released.
 */
export async function finishTurn(
  input: FinishInput,
  { responseMessage, isAborted }: { responseMessage: ChatMessage; isAborted: boolean },
): Promise<void> {
  const { ctx, db, settings, conversationId, admission, meter, gateway, generation, logger } = input;
  const registry = getRegistry();
  const failure = input.failure.current;
  const summary = meter.summary(registry, settings.model);
  const usedTokens = chargedTokens({
    usage: summary.usage,
    promptTokens: admission.promptTokens,
    partial: responseMessage,
    failedBeforeOutput: Boolean(failure) && !meter.sawContent && !generation.stoppedByUser,
  });
  const status = turnStatus({
    stoppedByUser: generation.stoppedByUser,
    failed: Boolean(failure),
    sawContent: meter.sawContent,
    isAborted,
  });
  // Its own write, not the message's transaction: the answer is not saved when its conversation
  // was deleted meanwhile, but what it cost is still accounted for.
  const ledger = recordUsageEvent(
    db,
    ledgerEntry({ userId: ctx.user.id, conversationId, model: settings.model, status }, summary, {
      usedTokens,
      promptTokens: admission.promptTokens,
      currency: registry.get(settings.model)?.prices?.currency ?? 'USD',
      cost: (usage) => registry.costOf(settings.model, usage, new Date(ctx.receivedAt)),
    }),
  ).catch((error: unknown) => logger.error({ err: toAppError(error).internalDetail }, 'recording usage failed'));
  const audit = auditChatTurn({
    ...ctx,
    model: settings.model,
    prompt: promptOf(input.system, input.messages),
    status,
    failure,
    usage: summary.usage,
    stats: getRuntime().upstream.takeCallStats(ctx.requestId),
    cacheStatus: gateway.cacheStatus,
    redactions: redactionCount(input.question),
    flagged: gateway.flagged,
    firstTokenMs: summary.timing?.firstTokenMs,
  });
  try {
    await input.writes;
    const metadata: ChatMetadata = {
      ...input.startMetadata,
      ...responseMessage.metadata,
      ...meter.summary(registry, settings.model),
      status,
      // Explicit: a continued answer must not keep the error of its first part.
      error: failure ? { code: failure.code, message: failure.message } : undefined,
      ...(gateway.flagged ? { flagged: true } : {}),
    };
    const message: ChatMessage = { ...responseMessage, metadata };
    await saveAssistantMessage(db, ctx.user.id, conversationId, message, status, {
      model: settings.requestedModel,
      usage: metadata.usage,
    });
    logger.info({ status, usage: metadata.usage, timing: metadata.timing }, 'answer saved');
  } catch (error) {
    if (!isAbortError(error)) logger.error({ err: toAppError(error).internalDetail }, 'saving the answer failed');
  } finally {
    endGeneration(conversationId, generation);
    await Promise.all([admission.lease.settle({ usedTokens }), ledger, audit]);
  }
}
