'use client';

import { Button } from '@/components/ui/button';
import { paneLetter } from '@/lib/compare/panes';
import type { VoteVerdict } from '@/lib/compare/types';
import { useT } from '@/lib/i18n/use-t';
import type { ComparisonVoteRow } from '@/lib/query/compare';

/** Which answer of this turn is best: A/B/tie/both bad for two panes, "pick the best" for more. */
export function VoteBar({
  paneCount,
  turn,
  vote,
  disabled,
  onVote,
}: {
  paneCount: number;
  turn: number;
  /** the vote already cast on this turn */
  vote: ComparisonVoteRow | undefined;
  disabled: boolean;
  onVote: (verdict: VoteVerdict) => void;
}) {
  const t = useT();
  if (vote) {
    const verdict =
      vote.outcome === 'win' && vote.winner !== null
        ? t('compare.vote.wonBy', { letter: paneLetter(vote.winner) })
        : vote.outcome === 'tie'
          ? t('compare.vote.tie')
          : t(paneCount === 2 ? 'compare.vote.bothBad' : 'compare.vote.allBad');
    return (
      <p className="text-center text-xs text-ink-muted" data-testid="vote-result">
        {t('compare.vote.recorded', { turn: String(turn), verdict })}
      </p>
    );
  }
  const letters = Array.from({ length: paneCount }, (_, index) => paneLetter(index));
  return (
    <fieldset
      className="flex flex-wrap items-center justify-center gap-1.5"
      data-testid="vote-bar"
      aria-label={t('compare.vote.label')}
    >
      <span className="mr-1 text-xs font-medium text-ink-muted">{t('compare.vote.prompt')}</span>
      {letters.map((letter, index) => (
        <Button
          key={letter}
          size="sm"
          variant="secondary"
          disabled={disabled}
          data-testid={`vote-${letter}`}
          onClick={() => onVote({ outcome: 'win', winner: index })}
        >
          {t(paneCount === 2 ? 'compare.vote.better' : 'compare.vote.best', { letter })}
        </Button>
      ))}
      <Button
        size="sm"
        variant="ghost"
        disabled={disabled}
        data-testid="vote-tie"
        onClick={() => onVote({ outcome: 'tie' })}
      >
        {t('compare.vote.tie')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={disabled}
        data-testid="vote-bad"
        onClick={() => onVote({ outcome: 'bad' })}
      >
        {t(paneCount === 2 ? 'compare.vote.bothBad' : 'compare.vote.allBad')}
      </Button>
    </fieldset>
  );
}
