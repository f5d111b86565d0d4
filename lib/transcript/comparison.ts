import type { GenerationParams } from '@/lib/models';
import type { Transcript, TranscriptMessage } from './types';

/**
 * A comparison as a document: what a comparison share snapshot stores and the comparison exports
 * render. Panes keep their display order and their letter (A–D).
 *
 * Blind comparisons: the owner sees model names only once a turn has a vote. `revealed` records
 * what the owner had seen when the snapshot was taken; while it is false the snapshot still keeps
 * each pane's model and parameters (so "continue as a copy" can start an equally blind comparison
 * for the viewer), but nothing shown to a viewer includes them — see `publicComparison`.
 */
export interface ComparisonPaneSnapshot {
  label: string;
  model: string;
  params: GenerationParams;
  messages: TranscriptMessage[];
}

export interface ComparisonVoteSnapshot {
  /** 1-based question number */
  turn: number;
  outcome: 'win' | 'tie' | 'bad';
  /** index into `panes` when `outcome` is `win` */
  winner: number | null;
}

export interface ComparisonSnapshot {
  kind: 'comparison';
  title: string;
  blind: boolean;
  revealed: boolean;
  createdAt: string;
  updatedAt: string;
  panes: ComparisonPaneSnapshot[];
  votes: ComparisonVoteSnapshot[];
}

/** What a share row stores: a conversation's transcript or a comparison. */
export type ShareSnapshot = Transcript | ComparisonSnapshot;

export function isComparisonSnapshot(snapshot: ShareSnapshot): snapshot is ComparisonSnapshot {
  return 'kind' in snapshot && snapshot.kind === 'comparison';
}

/** A pane as a viewer may see it: model and parameters only once the owner could see them. */
export interface PublicComparisonPane {
  label: string;
  model: string | null;
  params: GenerationParams | null;
  messages: TranscriptMessage[];
}

export type PublicComparison = Omit<ComparisonSnapshot, 'panes'> & { panes: PublicComparisonPane[] };

/** The snapshot with hidden model names (and each message's model) blanked out. */
export function publicComparison(snapshot: ComparisonSnapshot): PublicComparison {
  if (snapshot.revealed) return snapshot;
  return {
    ...snapshot,
    panes: snapshot.panes.map((pane) => ({
      label: pane.label,
      model: null,
      params: null,
      messages: pane.messages.map((message) => ({ ...message, model: null, usage: null })),
    })),
  };
}

export const paneLabel = (index: number) => String.fromCharCode(65 + index);

/** Every pane without reasoning parts (a share that leaves reasoning out). */
export function comparisonWithoutReasoning(snapshot: ComparisonSnapshot): ComparisonSnapshot {
  return {
    ...snapshot,
    panes: snapshot.panes.map((pane) => ({
      ...pane,
      messages: pane.messages.map((message) => ({
        ...message,
        parts: message.parts.filter((part) => part.type !== 'reasoning'),
      })),
    })),
  };
}
