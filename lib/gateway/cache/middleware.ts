import type { LanguageModelMiddleware } from 'ai';
import type { CacheLookup } from './index';

type StreamResult = Awaited<ReturnType<NonNullable<LanguageModelMiddleware['wrapStream']>>>;
type Part = StreamResult['stream'] extends ReadableStream<infer P> ? P : never;

const kept = new Set([
  'text-start',
  'text-delta',
  'text-end',
  'reasoning-start',
  'reasoning-delta',
  'reasoning-end',
  'finish',
]);

/**
 * The cache at the model seam of one call. HIT: no upstream call, the stored parts are replayed as
 * a stream (usage zeroed — the answer cost nothing this time). MISS with a lead: the call's parts
 * pass through untouched and are stored when the answer finished normally (stop or length).
 */
export function cacheMiddleware(lookup: CacheLookup): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      if (lookup.status === 'HIT') return { stream: replay(lookup.answer.parts as Part[]) };
      const lead = lookup.lead;
      let result: StreamResult;
      try {
        result = await doStream();
      } catch (error) {
        lead?.abandon();
        throw error;
      }
      if (!lead) return result;
      const parts: Part[] = [];
      let complete = false;
      const reader = result.stream.getReader();
      // A pull-through stream rather than a TransformStream: a cancel (the browser left) must
      // release the key so identical requests waiting on it stop waiting.
      const stream = new ReadableStream<Part>({
        async pull(controller) {
          let next: ReadableStreamReadResult<Part>;
          try {
            next = await reader.read();
          } catch (error) {
            lead.abandon();
            controller.error(error);
            return;
          }
          if (next.done) {
            if (complete) lead.commit({ parts, storedAt: Date.now() }).catch(() => lead.abandon());
            else lead.abandon();
            controller.close();
            return;
          }
          const part = next.value;
          if (kept.has(part.type)) parts.push(part);
          if (part.type === 'finish') complete = ['stop', 'length'].includes(part.finishReason.unified);
          if (part.type === 'error') complete = false;
          controller.enqueue(part);
        },
        cancel(reason) {
          lead.abandon();
          return reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
}

function replay(parts: Part[]): ReadableStream<Part> {
  const queue: Part[] = [{ type: 'stream-start', warnings: [] }, ...parts.map(zeroUsage)];
  return new ReadableStream<Part>({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

function zeroUsage(part: Part): Part {
  if (part.type !== 'finish') return part;
  const zero = (group: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(group).map(([key, value]) => [key, typeof value === 'number' ? 0 : value]));
  return {
    ...part,
    usage: {
      ...part.usage,
      inputTokens: zero(part.usage.inputTokens) as typeof part.usage.inputTokens,
      outputTokens: zero(part.usage.outputTokens) as typeof part.usage.outputTokens,
    },
    providerMetadata: undefined,
  };
}
