'use client';

import { useMemo } from 'react';
import { RedactionNote } from '@/components/chat/gateway-labels';
import { Markdown } from '@/components/markdown/markdown';
import { cn } from '@/components/ui/cn';
import { AppError, isErrorCode } from '@/lib/errors';
import { describeError } from '@/lib/i18n/describe-error';
import { type TFunction, useT } from '@/lib/i18n/use-t';
import { assembleRun, checkJson } from '@/lib/playground/assemble';
import type { PlaygroundRun } from '@/lib/stores/playground-store';
import { Inspector } from './inspector';
import { RunMetrics } from './run-metrics';

/** One run: reasoning, then the answer (pretty-printed JSON in JSON mode), its numbers and the inspector. */
export function RunOutput({ run, label }: { run: PlaygroundRun; label: string }) {
  const t = useT();
  const assembled = useMemo(() => assembleRun(run.events), [run.events]);
  const json = run.jsonOutput && !run.running && assembled.content !== '' ? checkJson(assembled.content) : undefined;
  const failure = run.failure ?? assembled.error;
  const failureText = failure ? errorText(t, failure) : undefined;

  return (
    <section
      className="flex min-w-0 flex-col gap-3 rounded-2xl border border-line bg-surface-raised p-3 sm:p-4"
      data-testid="run-output"
      data-running={run.running ? 'true' : 'false'}
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-faint">{label}</h3>
        <span className="text-xs text-ink-faint" data-testid="run-status">
          {run.running ? t('playground.running') : run.stopped || assembled.stopped ? t('playground.stopped') : ''}
        </span>
      </header>
      <RunMetrics run={assembled} />
      <RedactionNote redactions={assembled.redactions} />
      {assembled.flagged && (
        <p className="px-1 text-xs text-warning" data-testid="run-flagged">
          {t('message.flaggedHint')}
        </p>
      )}
      {assembled.reasoning !== '' && (
        <details open={run.running && assembled.content === ''} className="rounded-lg bg-surface-muted px-3 py-2">
          <summary className="cursor-pointer text-[13px] font-medium text-ink-muted">
            {t('playground.reasoning')}
          </summary>
          <p className="mt-2 whitespace-pre-wrap text-[13px] text-ink-muted" data-testid="run-reasoning">
            {assembled.reasoning}
          </p>
        </details>
      )}
      <div className="min-h-8 text-sm" data-testid="run-answer">
        {json?.valid ? (
          <pre className="overflow-x-auto rounded-lg bg-surface-muted p-3 font-mono text-xs" data-testid="run-json">
            {json.pretty}
          </pre>
        ) : (
          assembled.content !== '' && <Markdown text={assembled.content} />
        )}
      </div>
      {json && (
        <p
          className={cn('text-xs', json.valid ? 'text-emerald-600 dark:text-emerald-400' : 'text-danger')}
          data-testid="run-json-status"
        >
          {json.valid ? t('playground.jsonValid') : t('playground.jsonInvalid', { reason: json.message })}
        </p>
      )}
      {failureText && (
        <p
          role="alert"
          className="rounded-lg border border-danger/30 bg-danger/5 px-3 py-2 text-xs text-danger"
          data-testid="run-error"
        >
          {failureText}
        </p>
      )}
      <Inspector run={run} assembled={assembled} />
    </section>
  );
}

/** The taxonomy's words for a typed error; the raw message for anything else. */
function errorText(t: TFunction, failure: { code?: string; message: string; retryAfterSeconds?: number }): string {
  if (!failure.code || !isErrorCode(failure.code)) return failure.message;
  const description = describeError(
    new AppError(failure.code, { message: failure.message, retryAfterSeconds: failure.retryAfterSeconds }),
  );
  return description.serverMessage ?? t(description.key, description.vars);
}
