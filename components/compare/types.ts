import type { ChatStatus } from 'ai';
import type { ChatMetadata } from '@/lib/chat/types';

/**
 * What the composer hands every pane. Text only for now; when image parts exist (vision), they are
 * added here and each pane forwards them if its model accepts images.
 */
export interface ComposerMessage {
  text: string;
}

/** What a pane lets the workspace do. */
export interface PaneHandle {
  send: (message: ComposerMessage) => void;
  stop: () => void;
}

/** What the workspace knows of a pane (for the composer, the vote and the summary). */
export interface PaneSnapshot {
  status: ChatStatus;
  /** questions asked in this pane */
  turns: number;
  /** the transcript ends with an answer */
  answered: boolean;
  /** the latest answer's metadata */
  latest?: ChatMetadata;
}

export type PaneMark = 'fastest' | 'cheapest' | 'longest';
