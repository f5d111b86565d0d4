'use client';

import { useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n/messages/en';
import { type TFunction, useT } from '@/lib/i18n/use-t';
import type { ModelSpec, ParamIssue } from '@/lib/models';
import { playgroundIssues } from '@/lib/playground/rules';
import type { PlaygroundState } from '@/lib/playground/state';
import { usePlaygroundStore } from '@/lib/stores/playground-store';
import { usePlaygroundContext } from './context';

const labels: Record<string, MessageKey> = {
  temperature: 'playground.temperature',
  topP: 'playground.topP',
  frequencyPenalty: 'playground.frequencyPenalty',
  presencePenalty: 'playground.presencePenalty',
};

/** A rule's problem in the reader's language (the rule's own English message as a fallback). */
function issueText(t: TFunction, issue: ParamIssue, spec: ModelSpec): string {
  const label = labels[issue.param];
  if (label) {
    const range =
      issue.param === 'temperature'
        ? spec.parameters.temperature
        : issue.param === 'topP'
          ? spec.parameters.topP
          : { min: -2, max: 2 };
    return t('playground.issue.range', { name: t(label), min: range.min, max: range.max });
  }
  if (issue.param === 'maxTokens') return t('playground.issue.maxTokens', { max: spec.maxOutputTokens });
  if (issue.param === 'stop') return t('playground.issue.stop', { max: spec.parameters.maxStopSequences });
  if (issue.param === 'stopDuplicate') return t('playground.issue.stopDuplicate');
  if (issue.param === 'messages') return t('playground.issue.messages');
  if (issue.param === 'prefix') return t('playground.issue.prefix');
  if (issue.param === 'penalties') return t('playground.issue.penalties');
  if (issue.param.startsWith('messages.')) return t('playground.issue.empty');
  return issue.message;
}

export function useSpec(state: Pick<PlaygroundState, 'model'> | null): ModelSpec | undefined {
  const { models, defaultModel } = usePlaygroundContext();
  return models.find((model) => model.id === state?.model) ?? models.find((model) => model.id === defaultModel);
}

/** Every current problem of the form, keyed by parameter (`messages.2`, `temperature` …). */
export function useIssues(): Map<string, string> {
  const t = useT();
  const state = usePlaygroundStore((store) => store.state);
  const { target } = usePlaygroundContext();
  const spec = useSpec(state);
  return useMemo(() => {
    const out = new Map<string, string>();
    if (!state || !spec) return out;
    for (const issue of playgroundIssues(state, spec, target)) {
      if (!out.has(issue.param)) out.set(issue.param, issueText(t, issue, spec));
    }
    return out;
  }, [state, spec, target, t]);
}
