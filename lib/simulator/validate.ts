import { z } from 'zod';
import { type ImageInfo, readImageUrl } from './images';
import { findModel, maxOutputTokens } from './models';

/**
 * Request validation in the real API's order and statuses: structural problems (body, model,
 * messages, images) are 400; a parameter out of range is 422 ("Invalid Parameters").
 */

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const imagePart = z.object({
  type: z.literal('image_url'),
  image_url: z.object({ url: z.string().min(1), detail: z.enum(['low', 'high', 'original', 'auto']).optional() }),
});
const filePart = z.object({
  type: z.literal('file'),
  file_id: z.string().optional(),
  file_data: z.string().optional(),
});
const userPart = z.discriminatedUnion('type', [textPart, imagePart, filePart]);
const name = z.string().optional();

const messageSchemas = {
  system: z.object({ role: z.literal('system'), content: z.union([z.string(), z.array(textPart).min(1)]), name }),
  user: z.object({ role: z.literal('user'), content: z.union([z.string(), z.array(userPart).min(1)]), name }),
  assistant: z
    .object({
      role: z.literal('assistant'),
      content: z.string().nullish(),
      reasoning_content: z.string().nullish(),
      tool_calls: z.array(z.unknown()).nullish(),
      prefix: z.boolean().optional(),
      name,
    })
    .refine((m) => m.content != null || (m.tool_calls?.length ?? 0) > 0, 'content or tool_calls is required'),
  tool: z.object({
    role: z.literal('tool'),
    content: z.union([z.string(), z.array(z.union([textPart, imagePart])).min(1)]),
    tool_call_id: z.string().min(1),
  }),
};

export type WireMessage = z.infer<(typeof messageSchemas)[keyof typeof messageSchemas]>;
type Role = keyof typeof messageSchemas;
const roles = Object.keys(messageSchemas) as Role[];

const efforts = { low: 'low', minimal: 'low', high: 'high', medium: 'high', max: 'max', xhigh: 'max' } as const;
export type Effort = (typeof efforts)[keyof typeof efforts];

const params = z.object({
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().min(1).max(maxOutputTokens).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(16)]).nullish(),
  thinking: z.object({ type: z.enum(['enabled', 'disabled']) }).nullish(),
  reasoning_effort: z.enum(Object.keys(efforts) as [keyof typeof efforts]).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  user_id: z
    .string()
    .max(512)
    .regex(/^[\w-]+$/)
    .nullish(),
  response_format: z.object({ type: z.enum(['text', 'json_object']) }).nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  n: z.literal(1).nullish(),
});

const ranges: Record<string, string> = {
  temperature: '[0, 2]',
  top_p: '[0, 1]',
  max_tokens: `[1, ${maxOutputTokens}]`,
  frequency_penalty: '[-2, 2]',
  presence_penalty: '[-2, 2]',
  top_logprobs: '[0, 20]',
};

export interface ChatRequest {
  model: string;
  messages: WireMessage[];
  stream: boolean;
  thinking: boolean;
  effort: Effort;
  temperature: number;
  maxTokens?: number;
  stop: string[];
  userId?: string;
  /** `response_format: {type: "json_object"}`: the answer is a JSON object. */
  jsonOutput: boolean;
  /** Images in the last user message, in order. */
  images: ImageInfo[];
  /** Images in all messages (each costs prompt tokens). */
  imageCount: number;
}

export type Validation = { ok: true; request: ChatRequest } | { ok: false; status: 400 | 422; message: string };

const bad = (message: string): Validation => ({ ok: false, status: 400, message });

function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    prefix,
  );
}

function parseMessages(raw: unknown): WireMessage[] | string {
  if (!Array.isArray(raw)) return 'messages: expected a non-empty array';
  if (raw.length === 0) return 'messages: must contain at least one message';
  const out: WireMessage[] = [];
  for (const [i, message] of raw.entries()) {
    const role = (message as { role?: unknown } | null)?.role;
    if (!roles.includes(role as Role)) {
      return `messages[${i}].role: unknown variant \`${String(role)}\`, expected one of ${roles.map((r) => `\`${r}\``).join(', ')}`;
    }
    const parsed = messageSchemas[role as Role].safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `${issuePath(`messages[${i}]`, issue?.path ?? [])}: ${issue?.message ?? 'invalid message'}`;
    }
    out.push(parsed.data);
  }
  return out;
}

function collectImages(messages: WireMessage[], vision: boolean, model: string) {
  let count = 0;
  let last: ImageInfo[] = [];
  for (const message of messages) {
    if (typeof message.content === 'string' || !Array.isArray(message.content)) continue;
    const images: ImageInfo[] = [];
    for (const part of message.content) {
      if (part.type === 'text') continue;
      if (!vision) return `Model ${model} does not support image input`;
      if (part.type === 'file' && part.file_data === undefined)
        return `File not found: ${part.file_id ?? '(no file_id)'}`;
      const result = readImageUrl(part.type === 'file' ? (part.file_data ?? '') : part.image_url.url);
      if (!result.ok) return result.message;
      images.push(result.image);
    }
    count += images.length;
    if (message.role === 'user') last = images;
  }
  return { count, last };
}

export function validateChatRequest(body: unknown): Validation {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return bad('Request body must be a JSON object');
  const fields = body as Record<string, unknown>;
  if (typeof fields.model !== 'string') return bad('Model Not Exist');
  const model = findModel(fields.model);
  if (!model) return bad('Model Not Exist');
  const messages = parseMessages(fields.messages);
  if (typeof messages === 'string') return bad(messages);

  const parsed = params.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'parameter');
    const range = ranges[field];
    const message = range
      ? `Invalid ${field} value, the valid range of ${field} is ${range}`
      : `Invalid ${issuePath(field, issue?.path.slice(1) ?? [])} value: ${issue?.message ?? 'invalid'}`;
    return { ok: false, status: 422, message };
  }
  const p = parsed.data;
  if (p.stream_options != null && p.stream !== true)
    return bad('stream_options should be set along with stream = true');

  const images = collectImages(messages, model.vision, model.id);
  if (typeof images === 'string') return bad(images);

  return {
    ok: true,
    request: {
      model: model.id,
      messages,
      stream: p.stream === true,
      thinking: p.thinking?.type !== 'disabled',
      effort: efforts[p.reasoning_effort ?? 'high'],
      temperature: p.temperature ?? 1,
      maxTokens: p.max_tokens ?? undefined,
      stop: p.stop == null ? [] : (Array.isArray(p.stop) ? p.stop : [p.stop]).filter((s) => s !== ''),
      userId: p.user_id ?? undefined,
      jsonOutput: p.response_format?.type === 'json_object',
      images: images.last,
      imageCount: images.count,
    },
  };
}
