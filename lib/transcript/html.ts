import type { AttachmentSource } from './attachments';
import { exportStyles } from './html-style';
import { type RenderedMessage, type RenderedPart, renderTranscript } from './rendered';
import type { Transcript } from './types';

/**
 * A self-contained HTML file: inline CSS, code highlighted now (by shiki, on the server), images
 * embedded as data URLs, and no script at all. Its own CSP (`default-src 'none'`) keeps it inert
 * wherever it is opened, even if some text slipped past the sanitizer.
 */

export const exportCsp =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const roleLabels = { user: 'You', assistant: 'Assistant', system: 'System' } as const;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function partHtml(part: RenderedPart): string {
  switch (part.kind) {
    case 'markdown':
      return `<div class="markdown">${part.html}</div>`;
    case 'plain':
      return `<div class="plain">${escapeHtml(part.text)}</div>`;
    case 'reasoning':
      return `<details class="reasoning" open><summary>Reasoning</summary><div>${escapeHtml(part.text)}</div></details>`;
    case 'image':
      return part.src
        ? `<img class="attachment" src="${escapeHtml(part.src)}" alt="${escapeHtml(part.alt)}">`
        : `<span class="image-placeholder">[image: ${escapeHtml(part.alt)}]</span>`;
  }
}

function messageHtml(message: RenderedMessage, index: number): string {
  const meta = [message.role === 'assistant' ? message.model : null, message.createdAt?.slice(0, 16).replace('T', ' ')]
    .filter(Boolean)
    .join(' · ');
  const body = message.parts.map(partHtml).join('\n');
  const status = message.status === 'complete' ? '' : `<div class="status">(${escapeHtml(message.status)})</div>`;
  return `<section class="message ${message.role}" id="m${index + 1}">
<div class="role">${roleLabels[message.role]}${meta ? ` <span class="meta">· ${escapeHtml(meta)}</span>` : ''}</div>
${message.role === 'user' ? `<div class="bubble">${body}</div>` : body}${status}
</section>`;
}

export async function toHtmlDocument(
  transcript: Transcript,
  options: { ownerId: string; source: AttachmentSource; now?: Date },
): Promise<string> {
  const messages = await renderTranscript(transcript, options);
  const title = escapeHtml(transcript.title);
  const exported = (options.now ?? new Date()).toISOString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${exportCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="DeepSeek Studio">
<title>${title}</title>
<style>${exportStyles}</style>
</head>
<body>
<main>
<header class="doc"><h1>${title}</h1>
<div class="meta">${escapeHtml(transcript.model)} · ${escapeHtml(transcript.createdAt.slice(0, 10))} · ${transcript.messages.length} messages</div>
</header>
${transcript.systemPrompt ? `<details class="reasoning"><summary>System prompt</summary><div>${escapeHtml(transcript.systemPrompt)}</div></details>\n` : ''}${messages.map(messageHtml).join('\n')}
<footer class="doc">Exported from DeepSeek Studio on ${escapeHtml(exported)}.</footer>
</main>
</body>
</html>
`;
}
