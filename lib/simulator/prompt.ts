import { createHash } from 'node:crypto';
import { tokenize } from './tokens';
import type { WireMessage } from './validate';

/** Simulated prompt cost of one image (DeepSeek reported ≤384 input tokens per image at launch). */
export const imageTokenCount = 384;

function imageTokens(url: string): string[] {
  const tag = `<|image:${createHash('sha1').update(url).digest('hex').slice(0, 12)}|>`;
  return new Array<string>(imageTokenCount).fill(tag);
}

function contentTokens(content: WireMessage['content']): string[] {
  if (content == null) return [];
  if (typeof content === 'string') return tokenize(content);
  return content.flatMap((part) => {
    if (part.type === 'text') return tokenize(part.text);
    if (part.type === 'image_url') return imageTokens(part.image_url.url);
    return imageTokens(part.file_data ?? part.file_id ?? '');
  });
}

/**
 * The prompt as a token sequence: a role marker before each message, then the generation marker.
 * Prior reasoning is left out (V4 ignores it outside tool turns), so a conversation's next prompt
 * starts with this prompt followed by the answer's tokens — which is what makes the cache hit.
 */
export function promptTokens(messages: readonly WireMessage[]): string[] {
  const out: string[] = [];
  for (const message of messages) {
    out.push(`<|${message.role}|>`);
    out.push(...contentTokens(message.content));
    if (message.role === 'assistant' && message.tool_calls) out.push(...tokenize(JSON.stringify(message.tool_calls)));
  }
  out.push('<|assistant|>');
  return out;
}
