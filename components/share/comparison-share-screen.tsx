import { cn } from '@/components/ui/cn';
import type { Language } from '@/lib/i18n/languages';
import type { GenerationParams } from '@/lib/models';
import type { ComparisonVoteSnapshot, PublicComparison } from '@/lib/transcript/comparison';
import type { RenderedMessage } from '@/lib/transcript/rendered';
import { ShareMessage } from './share-message';
import { ShareShell, type ShareT, shareLabels, shareT } from './share-shell';

const columns: Record<number, string> = {
  2: 'lg:grid-cols-2',
  3: 'lg:grid-cols-3',
  4: 'lg:grid-cols-2 2xl:grid-cols-4',
};

/** "deepseek-chat · thinking · T 0.7": what the comparison's pane header shows, as plain text. */
function settingsOf(model: string, params: GenerationParams, t: ShareT): string {
  const parts = [model];
  if (params.thinking)
    parts.push(`${t('compare.short.thinking')}${params.effort ? ` ${t(`effort.${params.effort}`)}` : ''}`);
  if (params.temperature !== undefined) parts.push(`T ${params.temperature}`);
  if (params.topP !== undefined) parts.push(`top-p ${params.topP}`);
  if (params.maxTokens !== undefined) parts.push(`max ${params.maxTokens}`);
  return parts.join(' · ');
}

function verdictOf(vote: ComparisonVoteSnapshot, labels: string[], t: ShareT): string {
  if (vote.outcome === 'win') return t('compare.vote.wonBy', { letter: labels[vote.winner ?? -1] ?? '?' });
  return vote.outcome === 'tie' ? t('compare.vote.tie') : t('compare.vote.allBad');
}

/**
 * The public page of a comparison share: the panes side by side (stacked on phones), each with its
 * settings — or "hidden" when the owner had not voted on a blind comparison yet — and the votes.
 */
export function ComparisonShareScreen({
  token,
  language,
  signedIn,
  snapshot,
  sharedAt,
  panes,
}: {
  token: string;
  language: Language;
  signedIn: boolean;
  snapshot: PublicComparison;
  sharedAt: string;
  panes: RenderedMessage[][];
}) {
  const t = shareT(language);
  const labels = shareLabels(t);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(sharedAt));
  const letters = snapshot.panes.map((pane) => pane.label);

  return (
    <ShareShell token={token} t={t} signedIn={signedIn} wide>
      <h1 className="break-words text-2xl font-semibold leading-tight tracking-tight" data-testid="share-title">
        {snapshot.title}
      </h1>
      <p className="mt-2 text-sm text-ink-muted" data-testid="share-meta">
        {t('shareCompare.meta', { count: snapshot.panes.length, date })}
        {snapshot.blind && ` · ${t('compare.blind')}`}
      </p>
      {snapshot.votes.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2 text-xs" data-testid="share-votes">
          {snapshot.votes.map((vote) => (
            <li
              key={vote.turn}
              className="rounded-full bg-surface-muted px-2.5 py-1 text-ink-muted ring-1 ring-line/60"
            >
              {t('shareCompare.turn', { turn: vote.turn })}: {verdictOf(vote, letters, t)}
            </li>
          ))}
        </ul>
      )}
      <div className={cn('mt-8 grid grid-cols-1 gap-4', columns[snapshot.panes.length])}>
        {snapshot.panes.map((pane, index) => (
          <section
            key={pane.label}
            className="min-w-0 overflow-hidden rounded-2xl border border-line bg-surface-raised"
            data-testid="share-pane"
            aria-label={t('compare.paneName', { letter: pane.label })}
          >
            <header className="flex items-baseline gap-2 border-b border-line/70 px-4 py-2.5">
              <span className="font-semibold">{pane.label}</span>
              <span className="min-w-0 truncate text-xs text-ink-muted" data-testid="share-pane-model">
                {pane.model && pane.params ? settingsOf(pane.model, pane.params, t) : t('shareCompare.hidden')}
              </span>
            </header>
            <div className="min-w-0 space-y-6 px-4 py-4">
              {(panes[index] ?? []).length === 0 && <p className="text-sm text-ink-faint">{t('compare.paneEmpty')}</p>}
              {(panes[index] ?? []).map((message, position) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's messages never reorder
                <ShareMessage key={position} message={message} labels={labels} />
              ))}
            </div>
          </section>
        ))}
      </div>
    </ShareShell>
  );
}
