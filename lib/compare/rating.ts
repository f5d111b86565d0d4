import type { PaneConfig, VoteVerdict } from './types';

/** One stored vote as the leaderboard reads it, oldest first. */
export type RatedVote = VoteVerdict & { configs: readonly PaneConfig[] };

export interface LeaderboardEntry {
  key: string;
  config: PaneConfig;
  /** votes this configuration took part in */
  votes: number;
  wins: number;
  /** votes it took part in and another configuration won */
  losses: number;
  ties: number;
  /** "all bad" verdicts */
  bad: number;
  /** wins / votes, 0–1 */
  winRate: number;
  /** Elo rating, starting at `initialRating` */
  rating: number;
}

export const initialRating = 1000;
export const kFactor = 32;

/** The expected score of a player rated `a` against one rated `b` (logistic, 400-point scale). */
export function expectedScore(a: number, b: number): number {
  return 1 / (1 + 10 ** ((b - a) / 400));
}

/**
 * Win counts and Elo ratings per configuration, from votes in the order they were cast.
 * A vote is a set of pairwise games between the distinct configurations in it: the winner beats each
 * other one; a tie or "all bad" is a draw between every pair. Games of one vote are scored against the
 * ratings before that vote, so the pane order within a vote does not matter. Two panes with the same
 * configuration never play each other.
 */
export function rankConfigurations(votes: readonly RatedVote[]): LeaderboardEntry[] {
  const entries = new Map<string, LeaderboardEntry>();
  const entry = (config: PaneConfig) => {
    let found = entries.get(config.key);
    if (!found) {
      found = {
        key: config.key,
        config,
        votes: 0,
        wins: 0,
        losses: 0,
        ties: 0,
        bad: 0,
        winRate: 0,
        rating: initialRating,
      };
      entries.set(config.key, found);
    }
    return found;
  };

  for (const vote of votes) {
    const distinct = [...new Map(vote.configs.map((config) => [config.key, config])).values()];
    if (distinct.length === 0) continue;
    const winnerKey = vote.outcome === 'win' ? vote.configs[vote.winner]?.key : undefined;
    if (vote.outcome === 'win' && winnerKey === undefined) continue;
    const players = distinct.map(entry);
    for (const player of players) {
      player.votes += 1;
      if (vote.outcome === 'tie') player.ties += 1;
      else if (vote.outcome === 'bad') player.bad += 1;
      else if (player.key === winnerKey) player.wins += 1;
      else player.losses += 1;
    }

    const before = new Map(players.map((player) => [player.key, player.rating]));
    const rating = (key: string) => before.get(key) ?? initialRating;
    const delta = new Map<string, number>();
    const play = (a: string, b: string, scoreA: number) => {
      const change = kFactor * (scoreA - expectedScore(rating(a), rating(b)));
      delta.set(a, (delta.get(a) ?? 0) + change);
      delta.set(b, (delta.get(b) ?? 0) - change);
    };
    if (winnerKey !== undefined) {
      for (const player of players) if (player.key !== winnerKey) play(winnerKey, player.key, 1);
    } else {
      for (let i = 0; i < players.length; i++) {
        for (let j = i + 1; j < players.length; j++) play(players[i]!.key, players[j]!.key, 0.5);
      }
    }
    for (const player of players) player.rating += delta.get(player.key) ?? 0;
  }

  return [...entries.values()]
    .map((item) => ({ ...item, winRate: item.votes > 0 ? item.wins / item.votes : 0 }))
    .sort((a, b) => b.rating - a.rating || b.winRate - a.winRate || b.votes - a.votes || a.key.localeCompare(b.key));
}
