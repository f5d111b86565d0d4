import type { Transcript, TranscriptPart } from './types';

/** Plain text: a header, then each message under its role, reasoning marked as such. */

const roleLabels = { user: 'You', assistant: 'Assistant', system: 'System' } as const;

function partText(part: TranscriptPart): string {
  if (part.type === 'text') return part.text;
  if (part.type === 'reasoning') return `[Reasoning]\n${part.text}\n[/Reasoning]`;
  return `[Image: ${part.filename ?? part.mediaType}]`;
}

export function toPlainText(transcript: Transcript): string {
  const header = [
    transcript.title,
    `Model: ${transcript.model}`,
    `Created: ${transcript.createdAt}`,
    `Updated: ${transcript.updatedAt}`,
  ];
  if (transcript.systemPrompt) header.push('', 'System prompt:', transcript.systemPrompt);
  const body = transcript.messages.map((message) => {
    const label = `${roleLabels[message.role]}${message.model && message.role === 'assistant' ? ` (${message.model})` : ''}:`;
    return [label, ...message.parts.map(partText)].join('\n');
  });
  return `${[header.join('\n'), ...body].join('\n\n---\n\n')}\n`;
}
