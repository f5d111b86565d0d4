import { Chat } from '@ai-sdk/react';
import { type ChatInit, DefaultChatTransport, type HttpChatTransportInitOptions } from 'ai';
import type { ChatMessage } from '@/lib/chat/types';

/**
 * The AI SDK's chat runtime (the `Chat` class, its HTTP transport and the UI message stream with
 * its zod schemas: ~105 KB gzip). Only `use-lazy-chat.ts` imports it, dynamically, so the chat page
 * paints a stored conversation without it and loads it while the browser is idle.
 */
export type ChatRuntime = Chat<ChatMessage>;

export interface ChatRuntimeInit extends Pick<ChatInit<ChatMessage>, 'messages' | 'onFinish' | 'onError'> {
  transport: HttpChatTransportInitOptions<ChatMessage>;
}

export function createChatRuntime({ transport, ...init }: ChatRuntimeInit): ChatRuntime {
  return new Chat<ChatMessage>({ ...init, transport: new DefaultChatTransport<ChatMessage>(transport) });
}

/**
 * Calls `onChange` when the chat's messages (at most once per `throttleMs`), status or error change.
 * These registration hooks are what `useChat` itself subscribes with; they are part of `Chat`'s type.
 */
export function subscribeToChat(chat: ChatRuntime, onChange: () => void, throttleMs: number): () => void {
  const unsubscribes = [
    chat['~registerMessagesCallback'](onChange, throttleMs),
    chat['~registerStatusCallback'](onChange),
    chat['~registerErrorCallback'](onChange),
  ];
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
