'use client';

import { describeError } from '@/lib/i18n/describe-error';
import { useLanguage, useT } from '@/lib/i18n/use-t';
import { chatErrorToAppError } from '@/lib/query/api';

/** A failed compare request (create, edit, vote, continue) in words, like the chat's error banner. */
export function useProblemText(problem: unknown): string | undefined {
  const t = useT();
  const language = useLanguage();
  if (!problem) return undefined;
  const error = problem instanceof Error ? chatErrorToAppError(problem) : new Error(String(problem));
  const description = describeError(error);
  return description.serverMessage && language === 'en'
    ? description.serverMessage
    : t(description.key, description.vars);
}
