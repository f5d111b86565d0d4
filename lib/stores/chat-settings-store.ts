import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ModelSpec, ReasoningEffort } from '@/lib/models/catalog';

/** What the person picked in the header. null = "the model's default". */
interface ChatSettingsState {
  model: string | null;
  thinking: boolean | null;
  effort: ReasoningEffort | null;
  setModel: (model: string) => void;
  setThinking: (thinking: boolean) => void;
  setEffort: (effort: ReasoningEffort) => void;
}

export const useChatSettingsStore = create<ChatSettingsState>()(
  persist(
    (set) => ({
      model: null,
      thinking: null,
      effort: null,
      setModel: (model) => set({ model }),
      setThinking: (thinking) => set({ thinking }),
      setEffort: (effort) => set({ effort }),
    }),
    {
      name: 'ds-chat-settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ model, thinking, effort }) => ({ model, thinking, effort }),
      skipHydration: true,
    },
  ),
);

export interface EffectiveChatSettings {
  model: ModelSpec;
  thinkingSupported: boolean;
  thinking: boolean;
  efforts: readonly ReasoningEffort[];
  effort: ReasoningEffort | undefined;
}

/**
 * The settings a request will use: the person's picks, checked against the registry the server sent.
 * A stored model id that no longer exists falls back to the server's default; nothing is hard-coded.
 */
export function resolveChatSettings(
  picks: Pick<ChatSettingsState, 'model' | 'thinking' | 'effort'>,
  registry: { defaultModel: string; models: ModelSpec[] },
): EffectiveChatSettings | undefined {
  const model =
    registry.models.find((m) => m.id === picks.model) ??
    registry.models.find((m) => m.id === registry.defaultModel) ??
    registry.models[0];
  if (!model) return undefined;
  const thinkingSupported = model.thinking.supported;
  const thinking = thinkingSupported ? (picks.thinking ?? model.thinking.defaultEnabled) : false;
  const efforts = model.thinking.efforts;
  const effort = thinking
    ? picks.effort && efforts.includes(picks.effort)
      ? picks.effort
      : (model.thinking.defaultEffort ?? efforts[0])
    : undefined;
  return { model, thinkingSupported, thinking, efforts, effort };
}
