/**
 * Writes to the selection, hidden and isolated elements that every view shares (bimStore). They belong to the
 * active model, so acting on another model first makes it active (which clears its view state, as the store does).
 */
import { useBimStore } from '../../state';

function activate(modelId: string): ReturnType<typeof useBimStore.getState> {
  const store = useBimStore.getState();
  if (store.activeModelId !== modelId) store.setActiveModel(modelId);
  return useBimStore.getState();
}

export function selectElement(modelId: string, expressId: number | null): void {
  activate(modelId).select(expressId);
}

export function hideElements(modelId: string, ids: Iterable<number>): void {
  const store = activate(modelId);
  store.setHidden(new Set([...store.hiddenElementIds, ...ids]));
}

export function isolateElements(modelId: string, ids: Iterable<number>): void {
  activate(modelId).isolate(new Set(ids));
}

export function showAllElements(modelId: string): void {
  const store = activate(modelId);
  store.setHidden(new Set());
  store.isolate(null);
}
