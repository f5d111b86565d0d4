import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '@/lib/chat/types';
import type { ChatRuntime } from './chat-runtime';
import { LazyChat, type RuntimeModule } from './lazy-chat';

const message = (id: string, role: 'user' | 'assistant', text: string): ChatMessage => ({
  id,
  role,
  parts: [{ type: 'text', text }],
});
const stored = [message('q1', 'user', 'hello'), message('a1', 'assistant', 'hi')];

/** A stand-in for the AI SDK's `Chat`: it records what it was asked and notifies like the real one. */
class FakeChat {
  status: ChatRuntime['status'] = 'ready';
  error: Error | undefined;
  sent: unknown[] = [];
  stopped = 0;
  private listeners = new Set<() => void>();
  constructor(private list: ChatMessage[]) {}
  get messages() {
    return this.list;
  }
  set messages(next: ChatMessage[]) {
    this.list = next;
    this.notify();
  }
  sendMessage = async (input: { text?: string } | undefined) => {
    this.sent.push(input);
    this.list = [...this.list, message(`q${this.list.length}`, 'user', input?.text ?? '')];
    this.status = 'submitted';
    this.notify();
  };
  stop = async () => {
    this.stopped++;
  };
  clearError = () => {
    this.error = undefined;
    this.status = 'ready';
    this.notify();
  };
  listen(onChange: () => void) {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }
  private notify() {
    for (const listener of this.listeners) listener();
  }
}

function setup(load?: () => Promise<RuntimeModule>) {
  const created: FakeChat[] = [];
  const runtime: RuntimeModule = {
    createChatRuntime: (init) => {
      const chat = new FakeChat(init.messages ?? []);
      created.push(chat);
      return chat as unknown as ChatRuntime;
    },
    subscribeToChat: (chat, onChange) => (chat as unknown as FakeChat).listen(onChange),
  };
  const loadRuntime = vi.fn(load ?? (async () => runtime));
  const lazy = new LazyChat({
    messages: stored,
    loadRuntime,
    throttleMs: 50,
    init: { transport: { api: '/api/chat' } },
  });
  const disconnect = lazy.connect();
  return { lazy, created, loadRuntime, runtime, disconnect };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyChat', () => {
  it('shows the stored messages before the runtime has loaded, without loading it', () => {
    const { lazy, loadRuntime } = setup();
    expect(lazy.getSnapshot()).toEqual({ messages: stored, status: 'ready', error: undefined });
    expect(lazy.loaded).toBe(false);
    expect(loadRuntime).not.toHaveBeenCalled();
  });

  it('queues an action, shows it as under way, and runs it once the runtime arrives', async () => {
    const { lazy, created, loadRuntime } = setup();
    const seen: string[] = [];
    lazy.subscribe(() => seen.push(lazy.getSnapshot().status));
    lazy.run((chat) => void chat.sendMessage({ text: 'next question' }));
    expect(lazy.getSnapshot().status).toBe('submitted');
    await flush();
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
    expect(created[0]?.sent).toEqual([{ text: 'next question' }]);
    // The chat started from what was shown, and the snapshot now mirrors it.
    expect(lazy.getSnapshot().messages.map((each) => each.id)).toEqual(['q1', 'a1', 'q2']);
    expect(lazy.getSnapshot().status).toBe('submitted');
    expect(seen[0]).toBe('submitted');
  });

  it('runs queued actions in order and loads the runtime once', async () => {
    const { lazy, created, loadRuntime } = setup();
    lazy.load();
    lazy.run((chat) => void chat.sendMessage({ text: 'one' }));
    lazy.run((chat) => void chat.sendMessage({ text: 'two' }));
    await flush();
    expect(loadRuntime).toHaveBeenCalledTimes(1);
    expect(created[0]?.sent).toEqual([{ text: 'one' }, { text: 'two' }]);
    // Later actions run at once.
    lazy.run((chat) => void chat.sendMessage({ text: 'three' }));
    expect(created[0]?.sent).toHaveLength(3);
  });

  it('keeps edits made before the runtime loaded and hands them to the chat', async () => {
    const { lazy, created } = setup();
    lazy.setMessages((list) => list.slice(0, 1));
    expect(lazy.getSnapshot().messages).toHaveLength(1);
    lazy.load();
    await flush();
    expect(created[0]?.messages.map((each) => each.id)).toEqual(['q1']);
    lazy.setMessages([]);
    expect(created[0]?.messages).toEqual([]);
    expect(lazy.getSnapshot().messages).toEqual([]);
  });

  it('fails an idle preload silently, and a waiting action shows the error and goes ahead on retry', async () => {
    let fail = true;
    const { lazy, created, runtime, loadRuntime } = setup(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return runtime;
    });
    lazy.load();
    await flush();
    expect(lazy.getSnapshot()).toMatchObject({ status: 'ready', error: undefined });

    lazy.run((chat) => void chat.sendMessage({ text: 'waiting' }));
    await flush();
    expect(lazy.getSnapshot().status).toBe('error');
    expect(lazy.getSnapshot().error?.message).toMatch(/dynamically imported/);

    fail = false;
    lazy.load();
    expect(lazy.getSnapshot().status).toBe('submitted');
    await flush();
    expect(loadRuntime).toHaveBeenCalledTimes(3);
    expect(created[0]?.sent).toEqual([{ text: 'waiting' }]);
  });

  it('drops waiting actions when the user stops or dismisses the failure', async () => {
    let fail = true;
    const { lazy, created, runtime } = setup(async () => {
      if (fail) throw new Error('offline');
      return runtime;
    });
    lazy.run((chat) => void chat.sendMessage({ text: 'dropped' }));
    await flush();
    lazy.clearError();
    expect(lazy.getSnapshot()).toMatchObject({ status: 'ready', error: undefined });
    fail = false;
    lazy.run((chat) => void chat.sendMessage({ text: 'kept' }));
    lazy.cancelPending();
    lazy.run((chat) => void chat.sendMessage({ text: 'sent' }));
    await flush();
    expect(created[0]?.sent).toEqual([{ text: 'sent' }]);
  });

  it('stops a streaming answer when disconnected and follows the chat again when reconnected', async () => {
    const { lazy, created, disconnect } = setup();
    lazy.load();
    await flush();
    disconnect();
    expect(created[0]?.stopped).toBe(1);
    created[0]?.clearError();
    created[0]?.sendMessage({ text: 'while away' });
    const before = lazy.getSnapshot();
    expect(before.messages).toHaveLength(2);
    lazy.connect();
    expect(lazy.getSnapshot().messages).toHaveLength(3);
  });
});
