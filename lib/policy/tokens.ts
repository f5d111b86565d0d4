/**
 * Token estimates for reservations, made before the model has counted anything. They only size
 * a reservation that `lease.settle` replaces with the real usage, so they lean high:
 *
 * - a CJK character (Han, Hiragana, Katakana, Hangul) counts 1 token — DeepSeek's guide says
 *   about 0.6, the built-in simulator counts exactly 1;
 * - a punctuation mark or symbol counts 1 — code is dense in them and 0.3 a character would
 *   under-reserve it (the simulator, too, charges each one a token);
 * - any other character (letters, digits, whitespace) counts 0.3 — DeepSeek's published rule of
 *   thumb for English, a little more than the usual chars/4.
 *
 * The guide's ratios predate the V4 tokenizer (see the shared DeepSeek API reference). Images are
 * not estimated here.
 */

const wholeTokenPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{P}\p{S}]/gu;

/** Role markers and separators the chat template adds around each message. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

export function estimateTokens(text: string): number {
  if (text.length === 0) return 0;
  let codePoints = 0;
  for (const _ of text) codePoints++;
  const whole = text.match(wholeTokenPattern)?.length ?? 0;
  return Math.ceil(whole + (codePoints - whole) * 0.3);
}

/** The estimate for a whole prompt: every message's text plus the template's overhead. */
export function estimatePromptTokens(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + estimateTokens(text) + MESSAGE_OVERHEAD_TOKENS, 0);
}

export interface ReservationInput {
  promptTokens: number;
  /** The request's `max_tokens`, or what the caller expects the answer to use. */
  maxOutputTokens: number;
  /** The shortest answer worth starting; below it the request is refused instead of cut short. */
  minOutputTokens?: number;
}

/** `reserveTokens` / `minTokens` for `limiter.admit`. */
export function reservationFor(input: ReservationInput): { reserveTokens: number; minTokens: number } {
  const prompt = Math.max(0, Math.ceil(input.promptTokens));
  const output = Math.max(0, Math.ceil(input.maxOutputTokens));
  const minOutput = Math.min(output, Math.max(1, Math.ceil(input.minOutputTokens ?? 256)));
  return { reserveTokens: prompt + output, minTokens: prompt + minOutput };
}

/**
 * The `max_tokens` to send once admitted: no more than the caller asked for, and no more than the
 * lease holds beyond the prompt — so the answer cannot outgrow the day's quota.
 */
export function outputBudget(reservedTokens: number, promptTokens: number, requestedMaxOutput: number): number {
  return Math.max(1, Math.min(Math.ceil(requestedMaxOutput), reservedTokens - Math.ceil(promptTokens)));
}
