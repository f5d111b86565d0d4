import type { ChatStatus, FileUIPart } from 'ai';
import type { ChatMetadata } from '@/lib/chat/types';

/**
 * What the composer hands every pane: the text and the uploaded images. Each pane forwards the
 * images only if its model can read them; a text-only pane sends the text alone.
 */
export interface ComposerMessage {
  text: string;
  files?: FileUIPart[];
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
  /** some question in this pane carried images */
  images: boolean;
  /** the latest answer's metadata */
  latest?: ChatMetadata;
}

export type PaneMark = 'fastest' | 'cheapest' | 'longest';
