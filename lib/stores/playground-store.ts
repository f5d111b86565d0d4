import { create } from 'zustand';
import type { RunEvent } from '@/lib/playground/events';
import type { PlaygroundMessage, PlaygroundParams, PlaygroundRole, PlaygroundState } from '@/lib/playground/state';

/** One run as the output pane keeps it: its raw events (everything else is derived from them). */
export interface PlaygroundRun {
  id: number;
  events: RunEvent[];
  /** Whether JSON output was on for this run (pretty-print and validate the answer). */
  jsonOutput: boolean;
  /** An error before the stream started (a 4xx from the route, the network). */
  failure?: { code?: string; message: string; retryAfterSeconds?: number };
  running: boolean;
  /** Stopped by the person (the browser aborted the request). */
  stopped?: boolean;
}

interface PlaygroundStore {
  /** null until the page has read the URL (or fallen back to defaults). */
  state: PlaygroundState | null;
  /** Fields whose text is not a valid value yet (non-numeric): Run stays off until fixed. */
  invalidFields: Record<string, string>;
  /** The current run last, the one before it beside it (A/B). */
  runs: PlaygroundRun[];
  load: (state: PlaygroundState) => void;
  set: <K extends keyof PlaygroundState>(key: K, value: PlaygroundState[K]) => void;
  applyParams: (params: PlaygroundParams) => void;
  setInvalid: (field: string, message: string | undefined) => void;
  addMessage: () => void;
  updateMessage: (index: number, change: Partial<PlaygroundMessage>) => void;
  removeMessage: (index: number) => void;
  moveMessage: (index: number, by: -1 | 1) => void;
  startRun: (jsonOutput: boolean) => number;
  pushEvents: (id: number, events: RunEvent[]) => void;
  endRun: (id: number, end?: Pick<PlaygroundRun, 'failure' | 'stopped'>) => void;
  clearRuns: () => void;
}

let nextRunId = 1;
const nextRole = (last: PlaygroundRole | undefined): PlaygroundRole => (last === 'user' ? 'assistant' : 'user');

export const usePlaygroundStore = create<PlaygroundStore>()((set, get) => {
  const update = (change: (state: PlaygroundState) => PlaygroundState) => {
    const current = get().state;
    if (current) set({ state: change(current) });
  };
  const updateRun = (id: number, change: (run: PlaygroundRun) => PlaygroundRun) =>
    set({ runs: get().runs.map((run) => (run.id === id ? change(run) : run)) });
  return {
    state: null,
    invalidFields: {},
    runs: [],
    load: (state) => set({ state, invalidFields: {} }),
    set: (key, value) => update((state) => ({ ...state, [key]: value })),
    applyParams: (params) =>
      set({ state: { ...(get().state ?? { system: '', messages: [] }), ...params }, invalidFields: {} }),
    setInvalid: (field, message) => {
      const { [field]: _, ...rest } = get().invalidFields;
      set({ invalidFields: message ? { ...rest, [field]: message } : rest });
    },
    addMessage: () =>
      update((state) => ({
        ...state,
        messages: [...state.messages, { role: nextRole(state.messages.at(-1)?.role), content: '' }],
      })),
    updateMessage: (index, change) =>
      update((state) => ({
        ...state,
        messages: state.messages.map((message, i) => (i === index ? { ...message, ...change } : message)),
      })),
    removeMessage: (index) => update((state) => ({ ...state, messages: state.messages.filter((_, i) => i !== index) })),
    moveMessage: (index, by) =>
      update((state) => {
        const target = index + by;
        if (target < 0 || target >= state.messages.length) return state;
        const messages = [...state.messages];
        [messages[index], messages[target]] = [messages[target]!, messages[index]!];
        return { ...state, messages };
      }),
    startRun: (jsonOutput) => {
      const id = nextRunId++;
      // Keep the previous run beside the new one for a quick A/B; older runs go.
      const previous = get().runs.at(-1);
      set({ runs: [...(previous ? [previous] : []), { id, events: [], jsonOutput, running: true }] });
      return id;
    },
    pushEvents: (id, events) => updateRun(id, (run) => ({ ...run, events: [...run.events, ...events] })),
    endRun: (id, end) => updateRun(id, (run) => ({ ...run, ...end, running: false })),
    clearRuns: () => set({ runs: [] }),
  };
});
