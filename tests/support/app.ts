import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage } from '@/lib/chat/types';
import { type CollectedStream, collectUIStream } from './ui-stream';

/**
 * Route-level test harness: points the app at a fresh embedded database (or the Postgres URL
 * given) before the route modules load, then calls the exported handlers with real Requests.
 */
export async function loadApp(options: { databaseUrl?: string } = {}) {
  if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
  else process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'studio-it-'));

  const chat = await import('@/app/api/chat/route');
  const stop = await import('@/app/api/chat/[id]/stop/route');
  const conversations = await import('@/app/api/conversations/route');
  const conversation = await import('@/app/api/conversations/[id]/route');
  const models = await import('@/app/api/models/route');
  const { getRuntime } = await import('@/lib/runtime');
  const { isGenerating } = await import('@/lib/chat/active');
  const simulator = getRuntime().simulator;

  const base = 'http://localhost:3000';
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });

  const postChat = (body: unknown, headers: Record<string, string> = {}) =>
    chat.POST(
      new Request(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  /** Sends one user turn and reads the whole answer. */
  async function turn(
    text: string,
    options: { id?: string; model?: string; params?: object; fault?: string; messageId?: string } = {},
  ): Promise<{ response: Response; stream: CollectedStream; conversationId: string }> {
    const response = await postChat(
      {
        id: options.id,
        message: userMessage(text),
        trigger: 'submit-message',
        messageId: options.messageId,
        model: options.model ?? 'deepseek-flash',
        params: options.params ?? { thinking: false },
      },
      options.fault ? { 'x-simulator-fault': options.fault } : {},
    );
    if (!response.ok) throw new Error(`chat failed: ${response.status} ${await response.text()}`);
    const stream = await collectUIStream(response);
    const conversationId = response.headers.get('x-conversation-id') ?? '';
    await waitUntilSaved(conversationId);
    return { response, stream, conversationId };
  }

  async function waitUntilSaved(conversationId: string, timeoutMs = 10_000) {
    const start = Date.now();
    while (isGenerating(conversationId)) {
      if (Date.now() - start > timeoutMs) throw new Error('generation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function getConversation(id: string) {
    const response = await conversation.GET(new Request(`${base}/api/conversations/${id}`), params({ id }));
    return {
      status: response.status,
      body: (await response.json()) as { messages: ChatMessage[] } & Record<string, unknown>,
    };
  }

  return {
    base,
    params,
    simulator,
    routes: { chat, stop, conversations, conversation, models },
    postChat,
    turn,
    waitUntilSaved,
    getConversation,
  };
}

let counter = 0;
export function userMessage(text: string, id = `u${Date.now().toString(36)}${(counter++).toString(36)}`): ChatMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }] };
}

export function textOf(message: ChatMessage | undefined): string {
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}
