'use client';

import { useState } from 'react';
import { RedactionNote } from '@/components/chat/gateway-labels';
import { cn } from '@/components/ui/cn';
import { useT } from '@/lib/i18n/use-t';
import type { AssembledRun } from '@/lib/playground/assemble';
import type { PlaygroundRun } from '@/lib/stores/playground-store';

const tabs = ['request', 'response', 'events', 'message'] as const;
type Tab = (typeof tabs)[number];

/**
 * What really went over the wire: the request body the server sent (credentials as placeholders),
 * the upstream's status and headers, every raw SSE event with its arrival time, and the assembled
 * message.
 */
export function Inspector({ run, assembled }: { run: PlaygroundRun; assembled: AssembledRun }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('request');
  const response = run.events.find((event) => event.type === 'response');
  const sse = run.events.filter((event) => event.type === 'sse');

  return (
    <details className="group rounded-lg border border-line/80" data-testid="inspector">
      <summary className="cursor-pointer px-3 py-2 text-[13px] font-medium text-ink-muted">
        {t('playground.inspector')}
      </summary>
      <div className="border-t border-line/80 p-2">
        <div role="tablist" className="mb-2 flex flex-wrap gap-1">
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              className={cn(
                'rounded-md px-2 py-1 text-xs font-medium',
                tab === id ? 'bg-accent/15 text-accent' : 'text-ink-muted hover:bg-ink/[0.06]',
              )}
              data-testid={`inspector-tab-${id}`}
            >
              {t(`playground.inspector.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="max-h-80 overflow-auto" data-testid="inspector-panel">
          {tab === 'request' &&
            (assembled.request ? (
              <>
                <p className="mb-1 text-xs text-ink-faint">{t('playground.inspector.redacted')}</p>
                <RedactionNote redactions={assembled.redactions} inline />
                <Pre testId="inspector-request">
                  {`${assembled.request.method} ${assembled.request.url}\n${Object.entries(assembled.request.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join('\n')}\n\n${JSON.stringify(assembled.request.body, null, 2)}`}
                </Pre>
              </>
            ) : (
              <Empty />
            ))}
          {tab === 'response' &&
            (response ? (
              <Pre testId="inspector-response">
                {`${t('playground.inspector.status', { status: response.status })}\n${Object.entries(response.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n')}`}
              </Pre>
            ) : (
              <Empty />
            ))}
          {tab === 'events' &&
            (sse.length > 0 ? (
              <ol className="font-mono text-[11px] leading-relaxed" data-testid="inspector-events">
                {sse.map((event, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: events are append-only
                  <li key={index} className="flex gap-2 border-b border-line/50 py-0.5">
                    <span className="w-14 shrink-0 text-right tabular-nums text-ink-faint">{event.t} ms</span>
                    <span className="min-w-0 break-all">
                      {event.data !== undefined ? `data: ${event.data}` : `: ${event.comment}`}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <Empty />
            ))}
          {tab === 'message' && (
            <Pre testId="inspector-message">
              {JSON.stringify(
                {
                  role: 'assistant',
                  ...(assembled.reasoning ? { reasoning_content: assembled.reasoning } : {}),
                  content: assembled.content,
                },
                null,
                2,
              )}
            </Pre>
          )}
        </div>
      </div>
    </details>
  );
}

function Pre({ children, testId }: { children: string; testId: string }) {
  return (
    <pre
      className="whitespace-pre-wrap break-all rounded-md bg-surface-muted p-2 font-mono text-[11px]"
      data-testid={testId}
    >
      {children}
    </pre>
  );
}

function Empty() {
  const t = useT();
  return <p className="p-2 text-xs text-ink-faint">{t('playground.inspector.none')}</p>;
}
