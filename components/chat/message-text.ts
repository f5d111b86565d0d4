import type { ChatMessage } from '@/lib/chat/types';

export function textOf(message: ChatMessage): string {
  return message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}

export function reasoningOf(message: ChatMessage): { text: string; streaming: boolean } | undefined {
  const parts = message.parts.filter((part) => part.type === 'reasoning');
  if (parts.length === 0) return undefined;
  const text = parts.map((part) => part.text).join('\n\n');
  if (text.trim() === '') return undefined;
  return { text, streaming: parts.some((part) => part.state === 'streaming') };
}
