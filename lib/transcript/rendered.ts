import { type AttachmentSource, attachmentIdOf, imageDataUrl } from './attachments';
import { renderMarkdown } from './render-markdown';
import type { Transcript, TranscriptMessage } from './types';

/**
 * A transcript prepared for display, shared by the share page (React) and the HTML export (a
 * string): answers as sanitized, highlighted HTML; questions and reasoning as plain text (the chat
 * shows them that way too); images as data URLs from the attachment source, or a placeholder.
 */
export type RenderedPart =
  | { kind: 'markdown'; html: string }
  | { kind: 'plain'; text: string }
  | { kind: 'reasoning'; text: string }
  | { kind: 'image'; src: string | undefined; alt: string };

export interface RenderedMessage {
  role: TranscriptMessage['role'];
  status: TranscriptMessage['status'];
  model: string | null;
  createdAt: string | null;
  parts: RenderedPart[];
}

export async function renderTranscript(
  transcript: Pick<Transcript, 'messages'>,
  options: {
    ownerId: string;
    source: AttachmentSource;
    /** A page-relative URL for a stored attachment (the share page's image route); else inlined. */
    imageUrl?: (attachmentId: string) => string;
  },
): Promise<RenderedMessage[]> {
  const rendered: RenderedMessage[] = [];
  // One message at a time: a 300-message conversation does not start 300 highlighters' work at once.
  for (const message of transcript.messages) {
    const parts = [];
    for (const part of message.parts) {
      if (part.type === 'reasoning') parts.push({ kind: 'reasoning' as const, text: part.text });
      else if (part.type === 'text') {
        parts.push(
          message.role === 'assistant'
            ? { kind: 'markdown' as const, html: await renderMarkdown(part.text) }
            : { kind: 'plain' as const, text: part.text },
        );
      } else {
        const id = options.imageUrl ? attachmentIdOf(part.url) : undefined;
        const src =
          id && options.imageUrl ? options.imageUrl(id) : await imageDataUrl(part, options.ownerId, options.source);
        parts.push({ kind: 'image' as const, src, alt: part.filename ?? part.mediaType });
      }
    }
    rendered.push({
      role: message.role,
      status: message.status,
      model: message.model,
      createdAt: message.createdAt,
      parts,
    });
  }
  return rendered;
}
