import { AppError } from '@/lib/errors';
import type { ChatMessage } from './types';

export type TurnTrigger = 'submit-message' | 'regenerate-message' | 'continue-message';

export interface TurnRequest {
  trigger: TurnTrigger;
  /** the new (or edited) user message; for regenerate, the client's copy of the last user message */
  message: ChatMessage;
  /** edit: the user message replaced; regenerate: the assistant message replaced; continue: the one continued */
  messageId?: string;
}

/** How the stored conversation changes before the upstream call, decided from the stored history. */
export type TurnWrite =
  | { kind: 'append'; message: ChatMessage }
  | { kind: 'replace'; messageId: string; message: ChatMessage }
  | { kind: 'truncate'; fromMessageId: string }
  | { kind: 'none' };

export interface TurnPlan {
  /** the conversation as the model sees it, ending with the user message to answer (continue: the partial answer) */
  messages: ChatMessage[];
  write: TurnWrite;
}

/**
 * Pure: given what is stored and what the browser asked for, the history to send and the one
 * write to make. The server owns the history; the browser only names messages by id.
 */
export function planTurn(stored: ChatMessage[], request: TurnRequest): TurnPlan {
  if (request.trigger === 'regenerate-message') return planRegenerate(stored, request.messageId);
  if (request.trigger === 'continue-message') return planContinue(stored, request.messageId);

  if (request.messageId) {
    const index = stored.findIndex((message) => message.id === request.messageId);
    if (index === -1 || stored[index]?.role !== 'user') {
      throw new AppError('not_found:message', { message: 'The message to edit does not exist in this conversation.' });
    }
    const edited: ChatMessage = { ...request.message, id: request.messageId, role: 'user' };
    return {
      messages: [...stored.slice(0, index), edited],
      write: { kind: 'replace', messageId: request.messageId, message: edited },
    };
  }

  if (stored.some((message) => message.id === request.message.id)) {
    throw new AppError('conflict:message', { message: 'A message with this id already exists in this conversation.' });
  }
  const message: ChatMessage = { ...request.message, role: 'user' };
  return { messages: [...stored, message], write: { kind: 'append', message } };
}

function planRegenerate(stored: ChatMessage[], assistantId: string | undefined): TurnPlan {
  let cut: number;
  if (assistantId) {
    cut = stored.findIndex((message) => message.id === assistantId);
    if (cut === -1 || stored[cut]?.role !== 'assistant') {
      throw new AppError('not_found:message', {
        message: 'The answer to regenerate does not exist in this conversation.',
      });
    }
  } else {
    const lastUser = stored.findLastIndex((message) => message.role === 'user');
    if (lastUser === -1) {
      throw new AppError('bad_request:chat', { message: 'There is no question to answer again.' });
    }
    cut = lastUser + 1;
  }
  const messages = stored.slice(0, cut);
  if (messages.at(-1)?.role !== 'user') {
    throw new AppError('bad_request:chat', { message: 'Only an answer that follows a question can be regenerated.' });
  }
  const removed = stored[cut];
  return { messages, write: removed ? { kind: 'truncate', fromMessageId: removed.id } : { kind: 'none' } };
}

/**
 * Continue an interrupted answer: the last stored message, kept as it is and sent as the end of the
 * history; the new text is appended to it (same id), so it is removed here and written back whole.
 */
function planContinue(stored: ChatMessage[], assistantId: string | undefined): TurnPlan {
  const last = stored.at(-1);
  if (last?.role !== 'assistant' || (assistantId && last.id !== assistantId)) {
    throw new AppError('not_found:message', { message: 'Only the last answer of a conversation can be continued.' });
  }
  if (last.metadata?.status !== 'interrupted') {
    throw new AppError('bad_request:chat', { message: 'Only an interrupted answer can be continued.' });
  }
  return { messages: stored, write: { kind: 'truncate', fromMessageId: last.id } };
}

/** The sidebar title of a new conversation: its first question, on one line, shortened. */
export function titleFrom(message: ChatMessage, maxLength = 80): string {
  const text = message.parts
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length === 0) return 'New chat';
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
