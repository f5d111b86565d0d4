import { z } from 'zod';
import type { TranscriptMessage, TranscriptPart } from '@/lib/transcript/types';
import { cleanText } from './json-limits';

/**
 * The ChatGPT / OpenAI data export (`conversations.json`): an array of conversations, each a tree
 * of nodes (`mapping`) because edits and regenerations branch. We import the branch the user last
 * saw: from `current_node` up through `parent` to the root, reversed. Hidden system/tool nodes and
 * content we cannot show (code execution output, browsing traces) are skipped; images become a
 * placeholder (the export refers to files we do not have).
 */

const contentSchema = z
  .object({
    content_type: z.string().max(100),
    parts: z.array(z.unknown()).max(10_000).optional(),
    text: z.string().optional(),
    language: z.string().max(100).optional(),
    thoughts: z.array(z.object({ summary: z.string().optional(), content: z.string().optional() }).loose()).optional(),
  })
  .loose();

const nodeSchema = z
  .object({
    id: z.string().max(200).optional(),
    parent: z.string().max(200).nullable().optional(),
    children: z.array(z.string().max(200)).max(10_000).optional(),
    message: z
      .object({
        author: z.object({ role: z.string().max(50) }).loose(),
        create_time: z.number().nullable().optional(),
        content: contentSchema,
        metadata: z
          .object({
            model_slug: z.string().max(200).optional(),
            is_visually_hidden_from_conversation: z.boolean().optional(),
          })
          .loose()
          .optional(),
      })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();

export const chatGptConversationSchema = z
  .object({
    title: z.string().max(10_000).nullable().optional(),
    create_time: z.number().nullable().optional(),
    update_time: z.number().nullable().optional(),
    mapping: z.record(z.string().max(200), nodeSchema),
    current_node: z.string().max(200).nullable().optional(),
  })
  .loose();

export type ChatGptConversation = z.infer<typeof chatGptConversationSchema>;

export interface ImportedChatGpt {
  title: string;
  createdAt: Date | undefined;
  model: string | undefined;
  messages: TranscriptMessage[];
}

const epoch = (seconds: number | null | undefined) =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;

/** The current branch, root first. A cycle in `parent` links ends the walk instead of looping. */
function currentBranch(conversation: ChatGptConversation) {
  const { mapping } = conversation;
  let id = conversation.current_node ?? lastLeaf(conversation);
  const path: z.infer<typeof nodeSchema>[] = [];
  const seen = new Set<string>();
  for (let node = id ? mapping[id] : undefined; id && node && !seen.has(id); node = id ? mapping[id] : undefined) {
    seen.add(id);
    path.push(node);
    id = node.parent ?? undefined;
  }
  return path.reverse();
}

/** Without `current_node`: follow the last child from the root. */
function lastLeaf(conversation: ChatGptConversation): string | undefined {
  const entries = Object.entries(conversation.mapping);
  let id = entries.find(([, node]) => !node.parent)?.[0];
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const next = conversation.mapping[id]?.children?.at(-1);
    if (!next) return id;
    id = next;
  }
  return id;
}

function partsOf(content: z.infer<typeof contentSchema>): TranscriptPart[] {
  switch (content.content_type) {
    case 'text':
    case 'multimodal_text':
      return (content.parts ?? []).flatMap((part): TranscriptPart[] => {
        if (typeof part === 'string') return part.trim() ? [{ type: 'text', text: cleanText(part) }] : [];
        return [{ type: 'text', text: '[image]' }];
      });
    case 'code':
      return content.text
        ? [{ type: 'text', text: `\`\`\`${content.language ?? ''}\n${cleanText(content.text)}\n\`\`\`` }]
        : [];
    case 'thoughts':
      return (content.thoughts ?? []).flatMap((thought): TranscriptPart[] => {
        const text = [thought.summary, thought.content].filter(Boolean).join('\n\n');
        return text ? [{ type: 'reasoning', text: cleanText(text) }] : [];
      });
    default:
      return [];
  }
}

export function fromChatGpt(conversation: ChatGptConversation): ImportedChatGpt {
  const messages: TranscriptMessage[] = [];
  let model: string | undefined;
  for (const node of currentBranch(conversation)) {
    const message = node.message;
    if (!message || message.metadata?.is_visually_hidden_from_conversation) continue;
    const role = message.author.role;
    if (role !== 'user' && role !== 'assistant') continue;
    const parts = partsOf(message.content);
    if (parts.length === 0) continue;
    model = message.metadata?.model_slug ?? model;
    const previous = messages.at(-1);
    // ChatGPT splits one answer into several assistant nodes (thoughts, then text): join them.
    if (previous && previous.role === role && role === 'assistant') {
      previous.parts.push(...parts);
      continue;
    }
    messages.push({
      role,
      status: 'complete',
      model: role === 'assistant' ? (message.metadata?.model_slug ?? null) : null,
      createdAt: epoch(message.create_time)?.toISOString() ?? null,
      usage: null,
      parts,
    });
  }
  return {
    title: cleanText(conversation.title?.trim() || 'Imported conversation').slice(0, 500),
    createdAt: epoch(conversation.create_time),
    model,
    messages,
  };
}
