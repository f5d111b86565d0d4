import type { Transcript, TranscriptMessage, TranscriptPart } from './types';

/**
 * Markdown with YAML front matter (title, model, parameters, dates). Reasoning goes into
 * `<details>` sections, which GitHub, Obsidian and most viewers show collapsed. Message text is
 * written as it is (it already is markdown); a line that would close the front matter or a heading
 * we write cannot break the structure, because every message starts under its own `##` heading.
 */

const roleHeadings = { user: 'You', assistant: 'Assistant', system: 'System' } as const;

/** A YAML scalar that always parses back as the same string. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

function frontMatter(transcript: Transcript): string {
  const lines = [
    '---',
    `title: ${yamlString(transcript.title)}`,
    `model: ${yamlString(transcript.model)}`,
    `created: ${yamlString(transcript.createdAt)}`,
    `updated: ${yamlString(transcript.updatedAt)}`,
    `messages: ${transcript.messages.length}`,
  ];
  const params = Object.entries(transcript.params).filter(([, value]) => value !== undefined);
  if (params.length > 0) {
    lines.push('parameters:');
    for (const [key, value] of params) lines.push(`  ${key}: ${JSON.stringify(value)}`);
  }
  if (transcript.systemPrompt) lines.push(`system_prompt: ${yamlString(transcript.systemPrompt)}`);
  lines.push('---');
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function partMarkdown(part: TranscriptPart): string {
  if (part.type === 'text') return part.text;
  if (part.type === 'reasoning') {
    // The reasoning is shown as preformatted text inside the HTML block, escaped so it cannot end it.
    return `<details>\n<summary>Reasoning</summary>\n\n<pre>${escapeHtml(part.text)}</pre>\n\n</details>`;
  }
  const name = part.filename ?? part.mediaType;
  return part.url.startsWith('data:') ? `![${name}](${part.url})` : `*[Image: ${name}]*`;
}

/** One message under its own heading (`##`, or deeper inside a comparison's pane section). */
export function messageMarkdown(message: TranscriptMessage, heading = '##'): string {
  const who = roleHeadings[message.role];
  const meta = [message.model && message.role === 'assistant' ? message.model : null, message.createdAt]
    .filter(Boolean)
    .join(' · ');
  const status = message.status === 'complete' ? '' : `\n\n*(${message.status})*`;
  return `${heading} ${who}${meta ? `\n\n<sub>${escapeHtml(meta)}</sub>` : ''}\n\n${message.parts.map(partMarkdown).join('\n\n')}${status}`;
}

export function toMarkdown(transcript: Transcript): string {
  return `${frontMatter(transcript)}\n\n# ${transcript.title.replace(/\n/g, ' ')}\n\n${transcript.messages.map((message) => messageMarkdown(message)).join('\n\n')}\n`;
}
