/**
 * A long, deterministic conversation for the UI benchmark: 1,000 messages alternating user and
 * assistant; a third of them carry fenced code (several languages), every 7th answer a table, every
 * 5th answer a long reasoning section. The first and last messages carry markers the bench looks for.
 */
import type { CopiedMessage } from '@/lib/db/queries/conversation-copies';

export const firstMarker = 'BENCH-FIRST-MESSAGE';
export const lastMarker = 'BENCH-LAST-MESSAGE';

const languages = ['ts', 'python', 'rust', 'go', 'sql', 'bash', 'json', 'java', 'cpp', 'css'];
const words =
  'latency stream token cache prefix context model answer render scroll virtual list window frame budget paint layout commit reconcile memo highlight grammar parser block fence table reasoning'.split(
    ' ',
  );

function sentence(seed: number, length = 14): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[(seed * 7 + i * 13) % words.length] ?? 'word');
  const text = out.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(seed: number, sentences = 4): string {
  return Array.from({ length: sentences }, (_, i) => sentence(seed + i, 10 + ((seed + i) % 9))).join(' ');
}

function code(language: string, seed: number): string {
  const lines = Array.from({ length: 12 + (seed % 20) }, (_, i) => {
    switch (language) {
      case 'python':
        return `    value_${i} = compute(${i}, "${words[i % words.length]}")  # step ${i}`;
      case 'sql':
        return `SELECT id, title, created_at FROM conversations WHERE owner_id = ${seed} AND position > ${i};`;
      case 'bash':
        return `curl -s http://127.0.0.1:3000/api/health | jq '.status' # try ${i}`;
      case 'json':
        return `  "key_${i}": { "value": ${i * seed}, "label": "${words[i % words.length]}" },`;
      case 'css':
        return `.item-${i} { margin: ${i}px; color: var(--ink); }`;
      default:
        return `  const value${i} = compute(${i}, "${words[i % words.length]}"); // step ${i} of a rather long line that has to scroll inside its block rather than widen the page`;
    }
  });
  return `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``;
}

function table(seed: number): string {
  const rows = Array.from(
    { length: 6 },
    (_, i) => `| ${words[(seed + i) % words.length]} | ${i * seed} | ${sentence(i)} |`,
  );
  return ['| name | value | note |', '| --- | ---: | --- |', ...rows].join('\n');
}

export function benchConversation(count = 1000): CopiedMessage[] {
  const messages: CopiedMessage[] = [];
  for (let index = 0; index < count; index++) {
    const isUser = index % 2 === 0;
    const withCode = index % 3 === 1;
    const blocks: string[] = [];
    if (index === 0) blocks.push(firstMarker);
    if (index === count - 1) blocks.push(lastMarker);
    if (isUser) {
      blocks.push(sentence(index, 8 + (index % 20)));
      if (withCode) blocks.push(code(languages[index % languages.length] ?? 'ts', index));
      messages.push({ role: 'user', parts: [{ type: 'text', text: blocks.join('\n\n') }] });
      continue;
    }
    blocks.push(`## Answer ${index}`, paragraph(index, 5), `- ${sentence(index + 1)}\n- ${sentence(index + 2)}`);
    if (withCode) blocks.push(code(languages[index % languages.length] ?? 'ts', index), paragraph(index + 3, 2));
    if (index % 7 === 1) blocks.push(table(index));
    const parts: CopiedMessage['parts'] = [];
    if (index % 5 === 1) {
      const reasoning = Array.from({ length: 8 }, (_, i) => paragraph(index + i, 5)).join('\n\n');
      parts.push({ type: 'reasoning', text: reasoning, state: 'done' });
    }
    parts.push({ type: 'text', text: blocks.join('\n\n'), state: 'done' });
    messages.push({ role: 'assistant', parts, model: 'deepseek-flash', metadata: { model: 'deepseek-flash' } });
  }
  return messages;
}
