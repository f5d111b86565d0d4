import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { TurnMeter } from '@/lib/chat/meter';
import { chargedTokens, type TurnAdmission } from '@/lib/chat/quota';
import type { MessageUsage } from '@/lib/chat/types';
import { getDb } from '@/lib/db/client';
import { recordUsageEvent } from '@/lib/db/queries/usage';
import { type AppError, toAppError } from '@/lib/errors';
import { auditChatTurn } from '@/lib/gateway/chat-audit';
import { log } from '@/lib/log';
import type { CallSettings } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { getRuntime } from '@/lib/runtime';

export interface AnalysisOutcome {
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  clientIp: string;
  settings: CallSettings;
  admission: TurnAdmission;
  meter: TurnMeter;
  /** what the prompt hash covers: the question as sent and the image's digest */
  prompt: string;
  text: string;
  failure?: AppError;
  redactions: number;
  flagged: boolean;
}

/** The end of an analysis: the quota lease settled, its usage row and its audit row. */
export async function settleAnalysis(run: AnalysisOutcome): Promise<void> {
  const registry = getRegistry();
  const { settings, meter, failure } = run;
  const summary = meter.summary(registry, settings.model);
  const usedTokens = chargedTokens({
    usage: summary.usage,
    promptTokens: run.admission.promptTokens,
    partial: { parts: [{ type: 'text', text: run.text }] },
    failedBeforeOutput: Boolean(failure) && !meter.sawContent,
  });
  await Promise.all([
    run.admission.lease.settle({ usedTokens }),
    recordUsage(run.user.id, settings, summary.usage, summary.cost, usedTokens, failure ? 'error' : 'complete'),
    auditChatTurn({
      route: 'vision',
      requestId: run.requestId,
      user: run.user,
      clientIp: run.clientIp,
      model: settings.model,
      prompt: run.prompt,
      receivedAt: run.receivedAt,
      status: failure ? (meter.sawContent ? 'interrupted' : 'error') : 'complete',
      failure,
      usage: summary.usage,
      stats: getRuntime().upstream.takeCallStats(run.requestId),
      redactions: run.redactions,
      flagged: run.flagged,
      firstTokenMs: summary.timing?.firstTokenMs,
    }),
  ]);
}

async function recordUsage(
  userId: string,
  settings: CallSettings,
  usage: MessageUsage | undefined,
  cost: { amount: number; currency: string } | undefined,
  usedTokens: number,
  status: 'complete' | 'error',
): Promise<void> {
  const registry = getRegistry();
  const row = usage ?? {
    inputTokens: 0,
    cacheHitTokens: 0,
    cacheMissTokens: 0,
    outputTokens: usedTokens,
    reasoningTokens: 0,
    totalTokens: usedTokens,
  };
  await recordUsageEvent(await getDb(), {
    userId,
    conversationId: null,
    model: settings.model,
    status,
    ...row,
    costAmount: cost?.amount ?? 0,
    costCurrency: cost?.currency ?? registry.get(settings.model)?.prices?.currency ?? 'USD',
  }).catch((error: unknown) => log.error({ err: toAppError(error).internalDetail }, 'recording usage failed'));
}
