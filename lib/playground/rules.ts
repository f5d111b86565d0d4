import { checkParams, type GenerationParams, type ModelSpec, type ParamIssue } from '@/lib/models';
import type { PlaygroundParams, PlaygroundState } from './state';
import type { UpstreamTarget } from './target';

export type SamplingKey = 'temperature' | 'topP' | 'frequencyPenalty' | 'presencePenalty';

/** The registry's view of the playground parameters (null → not sent). */
export function toGenerationParams(params: PlaygroundParams): GenerationParams {
  const value = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    thinking: params.thinking,
    effort: params.effort,
    temperature: value(params.temperature),
    topP: value(params.topP),
    maxTokens: value(params.maxTokens),
    stop: params.stop,
    frequencyPenalty: value(params.frequencyPenalty),
    presencePenalty: value(params.presencePenalty),
    jsonOutput: params.jsonOutput,
  };
}

/** Parameters the model accepts but ignores in the current mode: disabled in the form, not sent. */
export function ignoredNow(spec: ModelSpec, thinking: boolean): Set<SamplingKey> {
  return new Set(thinking && spec.thinking.supported ? spec.parameters.ignoredWhileThinking : []);
}

/** Whether the penalties row exists for this model on this upstream. */
export function supportsPenalties(spec: ModelSpec): boolean {
  return spec.parameters.penalties;
}

/** A final assistant message is continued (prefix completion) only where the model and upstream support it. */
export function supportsPrefix(spec: ModelSpec, target: Pick<UpstreamTarget, 'provider'>): boolean {
  return spec.parameters.prefixCompletion && target.provider === 'deepseek';
}

export function endsWithAssistant(state: Pick<PlaygroundState, 'messages'>): boolean {
  return state.messages.at(-1)?.role === 'assistant';
}

/**
 * Every problem with a playground request, as `{param, message}`: the registry's parameter rules
 * plus the conversation's. Empty when the request may be sent. The form shows these inline; the
 * server refuses a request that has any (400 `bad_request:params`).
 */
export function playgroundIssues(
  state: PlaygroundState,
  spec: ModelSpec,
  target: Pick<UpstreamTarget, 'provider'>,
): ParamIssue[] {
  const params = toGenerationParams(state);
  // Ignored parameters are dropped, not checked: a hidden out-of-range value must not block a run.
  const ignored = ignoredNow(spec, state.thinking);
  for (const key of ignored) params[key] = undefined;
  if (!spec.thinking.supported) params.thinking = false;
  if (!state.thinking) params.effort = undefined;
  const issues = checkParams(spec, params);
  if (state.messages.length === 0) {
    issues.push({ param: 'messages', message: 'Add at least one message.' });
  }
  state.messages.forEach((message, index) => {
    const images = message.images?.length ?? 0;
    if (message.content.trim() === '' && images === 0) {
      issues.push({ param: `messages.${index}`, message: `Message ${index + 1} is empty.` });
    } else if (images > 0 && message.role !== 'user') {
      issues.push({ param: `messages.${index}`, message: `Only user messages carry images (message ${index + 1}).` });
    } else if (images > 0 && !spec.vision) {
      issues.push({
        param: `messages.${index}`,
        message: `${spec.id} cannot read images: remove the images of message ${index + 1} or pick a model that can.`,
      });
    }
  });
  if (endsWithAssistant(state) && !supportsPrefix(spec, target)) {
    issues.push({
      param: 'prefix',
      message: `${spec.id} does not continue an assistant message here (no prefix completion): end with a user message.`,
    });
  }
  if (new Set(state.stop).size !== state.stop.length) {
    issues.push({ param: 'stopDuplicate', message: 'Stop sequences must be different from each other.' });
  }
  return issues;
}

/** JSON output needs the word "json" somewhere in the prompt, or DeepSeek may refuse or ramble. */
export function jsonWithoutMention(state: PlaygroundState): boolean {
  if (!state.jsonOutput) return false;
  const text = [state.system, ...state.messages.map((message) => message.content)].join('\n');
  return !/json/i.test(text);
}
