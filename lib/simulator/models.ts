/**
 * The model ids the simulated "real API" accepts (Nov 2026). Deliberately separate from the app's
 * registry: the simulator plays the remote service, which does not read our configuration.
 */
export interface SimulatedModel {
  id: string;
  vision: boolean;
}

export const simulatedModels: readonly SimulatedModel[] = [
  { id: 'deepseek-flash', vision: true },
  { id: 'deepseek-v4-pro', vision: false },
  { id: 'deepseek-v4-flash', vision: true },
  { id: 'deepseek-v4-flash-vision-exp', vision: true },
];

export function findModel(id: string): SimulatedModel | undefined {
  return simulatedModels.find((model) => model.id === id);
}

/** Largest `max_tokens` the API accepts (384K). */
export const maxOutputTokens = 393_216;
