import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import type { UserRole } from '@/lib/db/schema';
import { type CollectedStream, collectUIStream } from './ui-stream';

/**
 * Route-level test harness: points the app at a fresh embedded database (or the Postgres URL
 * given) before the route modules load, then calls the exported handlers with real Requests that
 * carry a real session cookie (a `user_sessions` row and an Auth.js-encoded JWT), so every call
 * goes through the same session check as production.
 */
export async function loadApp(options: { databaseUrl?: string; env?: Record<string, string> } = {}) {
  Object.assign(process.env, options.env);
  if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
  else process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'studio-it-'));
  // lib/env.ts is parsed once per module instance; a test file's own imports may have loaded it
  // before the variables above were set, so the app's modules are loaded afresh.
  vi.resetModules();

  const chat = await import('@/app/api/chat/route');
  const stop = await import('@/app/api/chat/[id]/stop/route');
  const conversations = await import('@/app/api/conversations/route');
  const conversation = await import('@/app/api/conversations/[id]/route');
  const models = await import('@/app/api/models/route');
  const { getRuntime } = await import('@/lib/runtime');
  const { isGenerating } = await import('@/lib/chat/active');
  // Loaded only now: these read lib/env.ts, which must see the environment set above.
  const { createTestUser } = await import('./db');
  const { getDb } = await import('@/lib/db/client');
  const { createSession } = await import('@/lib/db/queries/sessions');
  const { encodeSessionToken, sessionCookieName } = await import('@/lib/auth/session-token');
  // What instrumentation.ts does at server start: exports and shares read stored images.
  (await import('@/lib/attachments/transcript-source')).installAttachmentSource();
  const simulator = getRuntime().simulator;
  const db = await getDb();

  const base = 'http://localhost:3000';
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });

  /** A new user of `role` with a live session; `request` builds Requests that carry its cookie. */
  async function signIn(role: UserRole = 'user') {
    const user = await createTestUser(db, { role });
    const session = await createSession(db, user.id, new Date(Date.now() + 86_400_000));
    const token = await encodeSessionToken({ sub: user.id, sid: session.id });
    const cookie = `${sessionCookieName()}=${token}`;
    const request = (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      return new Request(new URL(url, base), { ...init, headers });
    };
    return { user, sessionId: session.id, cookie, request, ...helpers(request) };
  }

  function helpers(request: (url: string, init?: RequestInit) => Request) {
    const postChat = (body: unknown, headers: Record<string, string> = {}) =>
      chat.POST(
        request('/api/chat', {
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

    async function getConversation(id: string) {
      const response = await conversation.GET(request(`/api/conversations/${id}`), params({ id }));
      return {
        status: response.status,
        body: (await response.json()) as { messages: ChatMessage[] } & Record<string, unknown>,
      };
    }

    return { postChat, turn, getConversation };
  }

  async function waitUntilSaved(conversationId: string, timeoutMs = 10_000) {
    const start = Date.now();
    while (isGenerating(conversationId)) {
      if (Date.now() - start > timeoutMs) throw new Error('generation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const session = await signIn('user');

  return {
    base,
    params,
    simulator,
    db,
    routes: { chat, stop, conversations, conversation, models },
    /** The default signed-in user; the helpers below act as them. */
    session,
    request: session.request,
    postChat: session.postChat,
    turn: session.turn,
    getConversation: session.getConversation,
    signIn,
    waitUntilSaved,
  };
}

export type TestApp = Awaited<ReturnType<typeof loadApp>>;
export type TestSession = Awaited<ReturnType<TestApp['signIn']>>;

let counter = 0;
export function userMessage(text: string, id = `u${Date.now().toString(36)}${(counter++).toString(36)}`): ChatMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }] };
}

export function textOf(message: ChatMessage | undefined): string {
  return (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}
