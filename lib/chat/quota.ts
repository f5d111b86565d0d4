import 'server-only';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { NewUsageEvent } from '@/lib/db/schema';
import type { CallSettings } from '@/lib/models';
import {
  estimatePromptTokens,
  estimateTokens,
  getLimiter,
  type Lease,
  outputBudget,
  reservationFor,
} from '@/lib/policy';
import type { ChatMessage, ChatMetadata, MessageStatus, MessageUsage } from './types';

/**
 * What a turn reserves of the day's token quota when the request names no `max_tokens`. The
 * models' own ceilings (384k) would block a whole day's quota for one question, so the reservation
 * is a typical long answer instead; the answer is not cut at it — `settle` charges what it really
 * used. Reasoning spends most of its tokens thinking, hence the larger estimate with thinking on.
 */
export const DEFAULT_OUTPUT_ESTIMATE = 8_192;
export const THINKING_OUTPUT_ESTIMATE = 32_768;

export interface TurnAdmission {
  lease: Lease;
  promptTokens: number;
  /** `max_tokens` to send: the request's own, or a cap when the day's quota holds less than asked. */
  maxOutputTokens: number | undefined;
}

const textOf = (message: Pick<ChatMessage, 'parts'>): string =>
  message.parts.map((part) => (part.type === 'text' || part.type === 'reasoning' ? part.text : '')).join('');

/** One store round trip: reserves the prompt estimate plus the expected output, or throws a 429. */
export async function admitTurn(
  user: CurrentUser,
  settings: CallSettings,
  system: string | undefined,
  messages: readonly ChatMessage[],
): Promise<TurnAdmission> {
  const promptTokens = estimatePromptTokens([...(system ? [system] : []), ...messages.map(textOf)]);
  const expectedOutput =
    settings.maxOutputTokens ?? (settings.thinking ? THINKING_OUTPUT_ESTIMATE : DEFAULT_OUTPUT_ESTIMATE);
  const lease = await getLimiter().admit({
    userId: user.id,
    role: user.role,
    overrides: user.limitOverrides,
    ...reservationFor({ promptTokens, maxOutputTokens: expectedOutput }),
  });
  const capped = lease.reservedTokens < promptTokens + expectedOutput;
  return {
    lease,
    promptTokens,
    maxOutputTokens: capped
      ? outputBudget(lease.reservedTokens, promptTokens, expectedOutput)
      : settings.maxOutputTokens,
  };
}

/**
 * What an answer is charged: the upstream's usage when it reported one; after a stop or a break
 * without it, the prompt estimate plus an estimate of what was streamed; nothing when it failed
 * before any output.
 */
export function chargedTokens(input: {
  usage: MessageUsage | undefined;
  promptTokens: number;
  partial: Pick<ChatMessage, 'parts'> | undefined;
  failedBeforeOutput: boolean;
}): number {
  if (input.usage) return input.usage.totalTokens;
  if (input.failedBeforeOutput) return 0;
  return input.promptTokens + estimateTokens(input.partial ? textOf(input.partial) : '');
}

/**
 * The ledger row of one answer. Without the upstream's usage (stopped, broken off) it carries the
 * same estimate the quota was charged: the prompt as uncached input, the rest as output.
 */
export function ledgerEntry(
  answer: { userId: string; conversationId: string; model: string; status: MessageStatus },
  summary: Pick<ChatMetadata, 'usage' | 'cost'>,
  estimate: {
    usedTokens: number;
    promptTokens: number;
    currency: string;
    cost: (usage: Pick<MessageUsage, 'cacheHitTokens' | 'cacheMissTokens' | 'outputTokens'>) => number | undefined;
  },
): Omit<NewUsageEvent, 'id'> {
  const input = Math.min(estimate.promptTokens, estimate.usedTokens);
  const usage: MessageUsage = summary.usage ?? {
    inputTokens: input,
    cacheHitTokens: 0,
    cacheMissTokens: input,
    outputTokens: estimate.usedTokens - input,
    reasoningTokens: 0,
    totalTokens: estimate.usedTokens,
  };
  return {
    ...answer,
    ...usage,
    costAmount: summary.cost?.amount ?? (summary.usage ? 0 : (estimate.cost(usage) ?? 0)),
    costCurrency: summary.cost?.currency ?? estimate.currency,
  };
}
