import type { PublicComparison } from './comparison';
import { messageMarkdown, yamlString } from './markdown';

/**
 * A comparison as a file (docs/EXPORT-FORMAT.md, "Comparisons"): Markdown with one section per pane,
 * or JSON. Both take the comparison as its owner sees it: in a blind comparison not yet voted on,
 * the models are left out, exactly as on the screen and in a share link.
 */
export const comparisonFormatId = 'deepseek-studio.comparison';
export const comparisonFormatVersion = 1;

export interface ComparisonExport {
  format: typeof comparisonFormatId;
  version: typeof comparisonFormatVersion;
  exportedAt: string;
  comparison: PublicComparison;
}

export function toComparisonDocument(comparison: PublicComparison, now = new Date()): ComparisonExport {
  return {
    format: comparisonFormatId,
    version: comparisonFormatVersion,
    exportedAt: now.toISOString(),
    comparison,
  };
}

function verdict(vote: PublicComparison['votes'][number], comparison: PublicComparison): string {
  if (vote.outcome === 'win') return `${comparison.panes[vote.winner ?? -1]?.label ?? '?'} won`;
  return vote.outcome === 'tie' ? 'tie' : 'all bad';
}

export function comparisonToMarkdown(comparison: PublicComparison): string {
  const front = [
    '---',
    `title: ${yamlString(comparison.title)}`,
    'kind: "comparison"',
    `blind: ${comparison.blind}`,
    `created: ${yamlString(comparison.createdAt)}`,
    `updated: ${yamlString(comparison.updatedAt)}`,
    'panes:',
    ...comparison.panes.flatMap((pane) => [
      `  - label: ${yamlString(pane.label)}`,
      `    model: ${pane.model === null ? 'null' : yamlString(pane.model)}`,
      ...(pane.params ? [`    parameters: ${JSON.stringify(pane.params)}`] : []),
    ]),
    ...(comparison.votes.length > 0
      ? [
          'votes:',
          ...comparison.votes.map((vote) => `  - ${yamlString(`question ${vote.turn}: ${verdict(vote, comparison)}`)}`),
        ]
      : []),
    '---',
  ];
  const sections = comparison.panes.map((pane) => {
    const heading = `## Pane ${pane.label} · ${pane.model ?? 'model hidden'}`;
    const messages = pane.messages.map((message) => messageMarkdown(message, '###'));
    return [heading, ...(messages.length > 0 ? messages : ['*(no messages)*'])].join('\n\n');
  });
  return `${front.join('\n')}\n\n# ${comparison.title.replace(/\n/g, ' ')}\n\n${sections.join('\n\n')}\n`;
}
