'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { FileUIPart } from 'ai';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { whenIdle } from '@/components/lazy/when-idle';
import type { ChatMessage } from '@/lib/chat/types';
import { AppError } from '@/lib/errors';
import { chatErrorToAppError } from '@/lib/query/api';
import { conversationKeys, stopGeneration } from '@/lib/query/conversations';
import type { ChatRequestBody, ConversationDetail } from '@/lib/query/types';
import type { EffectiveChatSettings } from '@/lib/stores/chat-settings-store';
import type { ChatRuntimeInit } from './chat-runtime';
import { LazyChat } from './lazy-chat';
import { textOf } from './message-text';

const loadRuntime = () => import('./chat-runtime');

/** The part of a chat request that says how to answer (model and parameters). */
export type ChatSettingsBody = Omit<ChatRequestBody, 'id' | 'message' | 'trigger' | 'messageId'>;

export interface ChatActions {
  send: (text: string, files?: FileUIPart[]) => void;
  edit: (messageId: string, text: string) => void;
  regenerate: (assistantMessageId: string) => void;
  /** Ask the model to go on with an interrupted answer; the new text is appended to it. */
  continueAnswer: (assistantMessageId: string) => void;
  retry: () => void;
  stop: () => void;
}

/**
 * Owns one `useChat` session. The server holds the history, so each request carries only the new
 * (or edited) message and the conversation's context id; a new conversation learns its id from the
 * `x-conversation-id` header (or the start chunk's metadata) and takes over the URL without a remount.
 */
export function useChatSession({
  conversationId: initialId,
  initialMessages,
  settings,
  body,
  dropImages = false,
}: {
  conversationId?: string;
  initialMessages: ChatMessage[];
  settings: EffectiveChatSettings | undefined;
  /** Replaces the model and parameters taken from `settings` (a compare pane sends its own). */
  body?: () => ChatSettingsBody | undefined;
  /** the user chose to send without the conversation's images (a text-only model) */
  dropImages?: boolean;
}) {
  const queryClient = useQueryClient();
  const [conversationId, setConversationId] = useState(initialId);
  const idRef = useRef(initialId);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const dropImagesRef = useRef(dropImages);
  dropImagesRef.current = dropImages;

  const adopt = useCallback(
    (id: string) => {
      if (idRef.current === id) return;
      idRef.current = id;
      setConversationId(id);
      const path = `/c/${encodeURIComponent(id)}`;
      // Next's router syncs with history.replaceState: the URL changes, the chat stays mounted.
      if (window.location.pathname !== path) window.history.replaceState(null, '', path);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.list() });
    },
    [queryClient],
  );
  const adoptRef = useRef(adopt);
  adoptRef.current = adopt;

  // The AI SDK's runtime loads after first paint (see lazy-chat.ts); its callbacks read the latest
  // props through refs, so the one LazyChat made on mount stays current.
  const [lazy] = useState(
    () =>
      new LazyChat({
        messages: initialMessages,
        loadRuntime,
        throttleMs: 50,
        init: {
          transport: chatTransport(idRef, adoptRef),
          onFinish: ({ message }) => {
            const id = message.metadata?.conversationId;
            if (id) adoptRef.current(id);
            void queryClient.invalidateQueries({ queryKey: conversationKeys.list() });
          },
          onError: (error) => {
            // Mirror what the server stores for a failed answer, so the badge shows without a reload.
            const typed = chatErrorToAppError(error);
            if (!(typed instanceof AppError)) return;
            lazy.setMessages((list) => {
              const last = list.at(-1);
              if (last?.role !== 'assistant' || last.metadata?.status) return list;
              const status = textOf(last) ? 'interrupted' : 'error';
              const metadata = {
                ...last.metadata,
                status,
                error: { code: typed.code, message: typed.message },
              } as const;
              return [...list.slice(0, -1), { ...last, metadata }];
            });
          },
        },
      }),
  );
  useEffect(() => {
    const disconnect = lazy.connect();
    const cancel = whenIdle(() => lazy.load());
    return () => {
      cancel();
      disconnect();
    };
  }, [lazy]);
  const { messages, status, error } = useSyncExternalStore(lazy.subscribe, lazy.getSnapshot, lazy.getSnapshot);
  const setMessages = useCallback((update: Parameters<LazyChat['setMessages']>[0]) => lazy.setMessages(update), [lazy]);
  const clearError = useCallback(() => lazy.clearError(), [lazy]);

  // The start chunk's metadata names the conversation too (e.g. when a proxy strips headers).
  const streamedId = messages.at(-1)?.metadata?.conversationId;
  useEffect(() => {
    if (streamedId) adopt(streamedId);
  }, [streamedId, adopt]);

  // Keep the cached conversation in step, so coming back to it shows this transcript at once.
  useEffect(() => {
    if ((status === 'ready' || status === 'error') && conversationId) {
      queryClient.setQueryData<ConversationDetail>(conversationKeys.detail(conversationId), (old) =>
        old ? { ...old, messages } : old,
      );
    }
  }, [status, messages, conversationId, queryClient]);

  const requestBody = useCallback((): ChatSettingsBody | undefined => {
    if (bodyRef.current) return bodyRef.current();
    const current = settingsRef.current;
    if (!current) return undefined;
    return {
      model: current.model.id,
      params: {
        ...(current.thinkingSupported ? { thinking: current.thinking } : {}),
        ...(current.thinking && current.effort ? { effort: current.effort } : {}),
      },
      ...(dropImagesRef.current ? { dropImages: true } : {}),
    };
  }, []);

  const actions = useMemo<ChatActions>(() => {
    const markStopped = () =>
      lazy.setMessages((list) => {
        const last = list.at(-1);
        if (last?.role !== 'assistant' || last.metadata?.status) return list;
        return [...list.slice(0, -1), { ...last, metadata: { ...last.metadata, status: 'interrupted' } }];
      });
    return {
      send: (text, files) => {
        const body = requestBody();
        if (!body) return;
        const message = !files?.length ? { text } : text ? { text, files } : { files };
        lazy.run((chat) => void chat.sendMessage(message, { body }));
      },
      edit: (messageId, text) => {
        const body = requestBody();
        if (!body) return;
        lazy.run((chat) => {
          // The edit changes the text; the message's images stay with it.
          const original = chat.messages.find((message) => message.id === messageId);
          const files = (original?.parts ?? []).filter((part): part is FileUIPart => part.type === 'file');
          void chat.sendMessage(files.length > 0 ? { text, files, messageId } : { text, messageId }, { body });
        });
      },
      regenerate: (messageId) => {
        const body = requestBody();
        if (body) lazy.run((chat) => void chat.regenerate({ messageId, body }));
      },
      continueAnswer: (messageId) => {
        const body = requestBody();
        if (!body) return;
        lazy.run((chat) => {
          // Clear the old status and error: the stream continues this same message.
          chat.messages = chat.messages.map((message) =>
            message.id === messageId
              ? { ...message, metadata: { ...message.metadata, status: undefined, error: undefined } }
              : message,
          );
          void chat.sendMessage(undefined, { body: { ...body, continueMessageId: messageId } });
        });
      },
      retry: () => {
        const body = requestBody();
        if (!body) return;
        const chat = lazy.current;
        // The runtime failed to load: load it again, and what waited for it goes ahead.
        if (!chat) return lazy.load();
        chat.clearError();
        const last = chat.messages.at(-1);
        if (last?.role === 'assistant') {
          // The failed (or partial) answer is stored: write it again.
          void chat.regenerate({ messageId: last.id, body });
        } else if (last?.role === 'user') {
          // The request failed before the answer started, so the question was not stored: send it again.
          chat.messages = chat.messages.slice(0, -1);
          void chat.sendMessage({ id: last.id, role: 'user', parts: last.parts }, { body });
        }
      },
      stop: () => {
        const chat = lazy.current;
        // Still waiting for the runtime: nothing was sent, so nothing needs stopping but the wait.
        if (!chat) return lazy.cancelPending();
        const id = idRef.current;
        // Tell the server first (it aborts upstream and saves the partial answer as interrupted);
        // a bare disconnect would let it finish the answer and save it complete.
        if (id) void stopGeneration(id).catch(() => undefined);
        void chat.stop().then(markStopped);
      },
    };
  }, [lazy, requestBody]);

  return { messages, status, error, setMessages, clearError, conversationId, actions };
}

/**
 * How the chat talks to `/api/chat`: only the new (or edited) message and the context id go up
 * (the server holds the history); the response's `x-conversation-id` names a new conversation.
 */
function chatTransport(
  idRef: RefObject<string | undefined>,
  adoptRef: RefObject<(id: string) => void>,
): ChatRuntimeInit['transport'] {
  return {
    api: '/api/chat',
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetchWaitingForStop(input, init);
      const id = response.headers.get('x-conversation-id');
      if (response.ok && id) adoptRef.current(id);
      return response;
    }) as typeof fetch,
    prepareSendMessagesRequest: ({ messages, body, trigger, messageId }) => {
      const { continueMessageId, ...rest } = (body ?? {}) as { continueMessageId?: string };
      if (continueMessageId) {
        // The last message is the answer being continued; the schema wants the question too.
        const question = messages.findLast((each) => each.role === 'user');
        return {
          body: {
            ...rest,
            id: idRef.current,
            message: question,
            trigger: 'continue-message',
            messageId: continueMessageId,
          },
        };
      }
      const message = messages.at(-1);
      return {
        // `body` carries model + params from sendMessage/regenerate; it must be spread through.
        body: {
          ...body,
          ...(idRef.current ? { id: idRef.current } : {}),
          message,
          trigger,
          ...(messageId ? { messageId } : {}),
        },
      };
    },
  };
}

/**
 * Right after Stop the server may still be saving the stopped answer and answers 409 `conflict:chat`
 * ("an answer is still being written") for a moment; wait for it instead of showing an error.
 */
async function fetchWaitingForStop(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(input, init);
    if (response.status !== 409 || attempt >= 8 || init?.signal?.aborted) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { error?: { code?: string } } | undefined;
    if (body?.error?.code !== 'conflict:chat') return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
