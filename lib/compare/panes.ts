import type { GenerationParams } from '@/lib/models';
import { maxPanes, minPanes } from './types';

/** A pane's settings as the editor handles them; `conversationId` is set once the pane is saved. */
export interface EditablePane {
  conversationId?: string;
  model: string;
  params: GenerationParams;
  /** duplicate of this saved pane (its history is copied when saved) */
  copyOf?: string;
}

export type ParamName = keyof GenerationParams;

/** Pure list edits shared by the unsaved draft and a saved comparison. */
export function addPane<P extends EditablePane>(panes: readonly P[], pane: P): P[] {
  return panes.length >= maxPanes ? [...panes] : [...panes, pane];
}

export function removePane<P extends EditablePane>(panes: readonly P[], index: number): P[] {
  return panes.length <= minPanes ? [...panes] : panes.filter((_, i) => i !== index);
}

/** Inserts a copy right after the pane; a saved pane's copy starts from its history. */
export function duplicatePane<P extends EditablePane>(panes: readonly P[], index: number): P[] {
  const source = panes[index];
  if (!source || panes.length >= maxPanes) return [...panes];
  const { conversationId, copyOf: _unused, ...settings } = source;
  const copy = {
    ...settings,
    params: { ...settings.params },
    ...(conversationId ? { copyOf: conversationId } : {}),
  } as P;
  return [...panes.slice(0, index + 1), copy, ...panes.slice(index + 1)];
}

export function updatePane<P extends EditablePane>(
  panes: readonly P[],
  index: number,
  change: Partial<EditablePane>,
): P[] {
  return panes.map((pane, i) => (i === index ? { ...pane, ...change } : pane));
}

/** "Apply to all": one parameter (or the model) of pane `index` copied to every pane. */
export function applyToAll<P extends EditablePane>(panes: readonly P[], index: number, name: ParamName | 'model'): P[] {
  const source = panes[index];
  if (!source) return [...panes];
  if (name === 'model') return panes.map((pane) => ({ ...pane, model: source.model }));
  return panes.map((pane) => {
    const params = { ...pane.params };
    if (source.params[name] === undefined) delete params[name];
    else Object.assign(params, { [name]: source.params[name] });
    return { ...pane, params };
  });
}

/** Sets or clears one parameter (undefined clears it). */
export function withParam(params: GenerationParams, name: ParamName, value: unknown): GenerationParams {
  const next = { ...params } as Record<string, unknown>;
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next as GenerationParams;
}

/** Pane A, B, C, D. */
export function paneLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
