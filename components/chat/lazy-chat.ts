import type { ChatStatus } from 'ai';
import type { ChatMessage } from '@/lib/chat/types';
import type { ChatRuntime, ChatRuntimeInit } from './chat-runtime';

export interface ChatSnapshot {
  messages: ChatMessage[];
  status: ChatStatus;
  error: Error | undefined;
}

export type RuntimeModule = Pick<typeof import('./chat-runtime'), 'createChatRuntime' | 'subscribeToChat'>;

export interface LazyChatOptions {
  messages: ChatMessage[];
  /** Everything the runtime needs but the messages (it starts from the ones shown then). */
  init: Omit<ChatRuntimeInit, 'messages'>;
  loadRuntime: () => Promise<RuntimeModule>;
  /** At most one messages update per this many ms while an answer streams. */
  throttleMs: number;
}

/**
 * A chat whose AI SDK runtime arrives later. Until it does, the stored messages are the state
 * (shown, editable with `setMessages`) and actions wait in a queue; the first action, or `load()`
 * when the browser is idle, imports the runtime, starts a `Chat` from the current messages and runs
 * the queue in order. From then on the snapshot mirrors the `Chat`. Framework-free, so React reads
 * it with `useSyncExternalStore` and tests drive it directly.
 */
export class LazyChat {
  private snapshot: ChatSnapshot;
  private chat: ChatRuntime | undefined;
  private runtime: RuntimeModule | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private loading = false;
  private queue: ((chat: ChatRuntime) => void)[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: LazyChatOptions) {
    this.snapshot = { messages: options.messages, status: 'ready', error: undefined };
  }

  readonly getSnapshot = (): ChatSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get loaded(): boolean {
    return this.chat !== undefined;
  }

  /**
   * Imports the runtime (once; again after a failed attempt) and starts the chat. A failure shows
   * as the chat's error only when an action was waiting for it; an idle preload fails silently and
   * the next action tries again.
   */
  load(): void {
    if (this.chat || this.loading) return;
    this.loading = true;
    if (this.queue.length > 0) this.publish({ ...this.snapshot, status: 'submitted', error: undefined });
    this.options.loadRuntime().then(
      (runtime) => this.start(runtime),
      (error: unknown) => {
        this.loading = false;
        if (this.queue.length === 0) return;
        this.publish({
          ...this.snapshot,
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
  }

  /** Runs `action` with the chat now, or after the runtime has loaded (loading it now). */
  run(action: (chat: ChatRuntime) => void): void {
    if (this.chat) {
      action(this.chat);
      return;
    }
    this.queue.push(action);
    // Show the request as under way while the runtime arrives (the composer turns into Stop).
    if (this.snapshot.status !== 'submitted') this.publish({ ...this.snapshot, status: 'submitted', error: undefined });
    this.load();
  }

  /** Drops the actions waiting for the runtime (Stop, or a dismissed failure to load it). */
  cancelPending(): void {
    if (this.chat) return;
    this.queue = [];
    if (this.snapshot.status !== 'ready') this.publish({ ...this.snapshot, status: 'ready', error: undefined });
  }

  /** The chat if its runtime has loaded (nothing can be streaming before that). */
  get current(): ChatRuntime | undefined {
    return this.chat;
  }

  setMessages(update: ChatMessage[] | ((messages: ChatMessage[]) => ChatMessage[])): void {
    const next = typeof update === 'function' ? update(this.snapshot.messages) : update;
    if (this.chat) this.chat.messages = next;
    else this.publish({ ...this.snapshot, messages: next });
  }

  clearError(): void {
    if (this.chat) {
      this.chat.clearError();
      return;
    }
    // A dismissed failure to load drops what was waiting for it: nothing is sent behind the user's back.
    this.cancelPending();
  }

  /**
   * While connected (the component is mounted) the snapshot follows the chat; disconnecting stops
   * a streaming answer, as leaving the page does.
   */
  connect(): () => void {
    this.connected = true;
    this.follow();
    return () => {
      this.connected = false;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      if (this.chat) void this.chat.stop();
    };
  }

  private start(runtime: RuntimeModule) {
    this.loading = false;
    this.runtime = runtime;
    const chat = runtime.createChatRuntime({ ...this.options.init, messages: this.snapshot.messages });
    this.chat = chat;
    this.follow();
    for (const action of this.queue.splice(0)) action(chat);
  }

  private follow() {
    const { chat, runtime } = this;
    if (!chat || !runtime || !this.connected || this.unsubscribe) return;
    const mirror = () => {
      const { messages, status, error } = chat;
      const current = this.snapshot;
      if (current.messages === messages && current.status === status && current.error === error) return;
      this.publish({ messages, status, error });
    };
    this.unsubscribe = runtime.subscribeToChat(chat, mirror, this.options.throttleMs);
    mirror();
  }

  private publish(snapshot: ChatSnapshot) {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
