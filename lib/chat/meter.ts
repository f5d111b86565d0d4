import type { LanguageModelUsage, TextStreamPart, ToolSet } from 'ai';
import type { ModelRegistry } from '@/lib/models';
import type { ChatMetadata, MessageTiming, MessageUsage } from './types';

/**
 * Watches the stream parts of one answer and produces the metadata the browser shows under it:
 * tokens, time to first token, reasoning time, duration and cost. Cheap: a few comparisons a part.
 */
export class TurnMeter {
  private firstTokenAt?: number;
  private reasoningStartedAt?: number;
  private reasoningEndedAt?: number;
  private usage?: MessageUsage;
  finishReason?: string;
  sawContent = false;

  constructor(
    private readonly receivedAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  observe(part: TextStreamPart<ToolSet>): void {
    switch (part.type) {
      case 'reasoning-delta':
        if (part.text.length === 0) return;
        this.firstTokenAt ??= this.now();
        this.reasoningStartedAt ??= this.now();
        this.sawContent = true;
        return;
      case 'text-delta':
        if (part.text.length === 0) return;
        this.firstTokenAt ??= this.now();
        if (this.reasoningStartedAt !== undefined) this.reasoningEndedAt ??= this.now();
        this.sawContent = true;
        return;
      case 'finish':
        this.usage = toMessageUsage(part.totalUsage);
        this.finishReason = part.finishReason;
        return;
      default:
        return;
    }
  }

  timing(): MessageTiming {
    const end = this.now();
    return {
      startedAt: this.receivedAt,
      firstTokenMs: this.firstTokenAt === undefined ? undefined : this.firstTokenAt - this.receivedAt,
      reasoningMs:
        this.reasoningStartedAt === undefined ? undefined : (this.reasoningEndedAt ?? end) - this.reasoningStartedAt,
      durationMs: end - this.receivedAt,
    };
  }

  summary(registry: ModelRegistry, model: string): Pick<ChatMetadata, 'usage' | 'cost' | 'timing' | 'finishReason'> {
    const usage = this.usage;
    const amount = usage
      ? registry.costOf(
          model,
          {
            cacheHitTokens: usage.cacheHitTokens,
            cacheMissTokens: usage.cacheMissTokens,
            outputTokens: usage.outputTokens,
          },
          new Date(this.receivedAt),
        )
      : undefined;
    const currency = registry.get(model)?.prices?.currency ?? 'USD';
    return {
      usage,
      cost: amount === undefined ? undefined : { amount, currency },
      timing: this.timing(),
      finishReason: this.finishReason,
    };
  }
}

export function toMessageUsage(usage: LanguageModelUsage): MessageUsage {
  const inputTokens = usage.inputTokens ?? 0;
  const cacheHitTokens = usage.inputTokenDetails?.cacheReadTokens ?? 0;
  const outputTokens = usage.outputTokens ?? 0;
  return {
    inputTokens,
    cacheHitTokens,
    cacheMissTokens: usage.inputTokenDetails?.noCacheTokens ?? Math.max(0, inputTokens - cacheHitTokens),
    outputTokens,
    reasoningTokens: usage.outputTokenDetails?.reasoningTokens ?? 0,
    totalTokens: usage.totalTokens ?? inputTokens + outputTokens,
  };
}
