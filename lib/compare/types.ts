import type { GenerationParams, ReasoningEffort } from '@/lib/models';

/** The most panes a comparison may have, and the fewest. */
export const maxPanes = 4;
export const minPanes = 2;

/** One pane of a comparison as stored: a conversation and the settings its turns are sent with. */
export interface ComparisonPane {
  conversationId: string;
  model: string;
  /** thinking, effort and sampling parameters, as `POST /api/chat` takes them */
  params: GenerationParams;
}

/** A pane's settings as the model registry resolved them; what the leaderboard groups by. */
export interface PaneConfig {
  /** canonical: equal keys ⇔ the upstream received the same model, mode and sampling parameters */
  key: string;
  /** the model's canonical id (an alias resolves to its target) */
  model: string;
  thinking: boolean;
  effort?: ReasoningEffort;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  frequencyPenalty?: number;
  presencePenalty?: number;
  jsonOutput?: boolean;
}

/** The configuration of one pane when a vote was cast. */
export type VotedConfig = PaneConfig;

/** What a voter said about one turn: the best pane (`win`), all equally good (`tie`) or all bad. */
export type VoteVerdict = { outcome: 'win'; winner: number } | { outcome: 'tie' } | { outcome: 'bad' };
