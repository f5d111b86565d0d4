'use client';

import { describeError } from '@/lib/i18n/describe-error';
import { formatDuration } from '@/lib/i18n/format';
import { useLanguage, useT } from '@/lib/i18n/use-t';

/** One sentence for a failed request, worded like the chat's error banner. */
export function useErrorText(): (error: Error) => string {
  const t = useT();
  const language = useLanguage();
  return (error) => {
    const description = describeError(error);
    if (description.serverMessage && language === 'en') return description.serverMessage;
    return t(description.key, {
      ...description.vars,
      ...(description.waitSeconds === undefined ? {} : { wait: formatDuration(description.waitSeconds, t) }),
    });
  };
}
