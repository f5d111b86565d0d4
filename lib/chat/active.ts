/**
 * Generations running in this process, by conversation id, so that the Stop button (a separate
 * request) can abort the upstream call while a mere disconnect lets the answer finish and be saved.
 * With several instances a stop must reach the owning instance; that is the scale-out task's job.
 */

export interface ActiveGeneration {
  ownerId: string;
  controller: AbortController;
  stoppedByUser: boolean;
}

const globalActive = globalThis as typeof globalThis & { __studioActive?: Map<string, ActiveGeneration> };
globalActive.__studioActive ??= new Map();
const active: Map<string, ActiveGeneration> = globalActive.__studioActive;

export function beginGeneration(conversationId: string, ownerId: string): ActiveGeneration | undefined {
  if (active.has(conversationId)) return undefined;
  const generation = { ownerId, controller: new AbortController(), stoppedByUser: false };
  active.set(conversationId, generation);
  return generation;
}

export function endGeneration(conversationId: string, generation: ActiveGeneration): void {
  if (active.get(conversationId) === generation) active.delete(conversationId);
}

/** Stop the owner's running generation; false when nothing of theirs is running. */
export function stopGeneration(conversationId: string, ownerId: string): boolean {
  const generation = active.get(conversationId);
  if (!generation || generation.ownerId !== ownerId) return false;
  generation.stoppedByUser = true;
  generation.controller.abort(new DOMException('Stopped by the user', 'AbortError'));
  return true;
}

export function isGenerating(conversationId: string): boolean {
  return active.has(conversationId);
}
