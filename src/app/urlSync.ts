import { useLayerStore, useViewStore, visibleLayersOf } from '../state';
import { applyUrlView } from './boot';
import { formatUrlView, parseUrlView } from './urlState';

/**
 * Keeps the address bar equal to the view (replaceState, so moving the camera doesn't flood history) and
 * applies the address when the user goes back or forward.
 */
export function installUrlSync(): () => void {
  const write = () => {
    const { workspace, camera, lang } = useViewStore.getState();
    const { layers } = useLayerStore.getState();
    if (layers.length === 0) return;
    const url = formatUrlView({ workspace, camera, lang, layers: visibleLayersOf(layers) });
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, '', url);
  };
  const onPopState = () => {
    const ids = useLayerStore.getState().layers.map((l) => l.spec.id);
    applyUrlView(parseUrlView(window.location.pathname, window.location.search, ids));
  };
  const unsubscribeView = useViewStore.subscribe(write);
  const unsubscribeLayers = useLayerStore.subscribe(write);
  window.addEventListener('popstate', onPopState);
  write();
  return () => {
    unsubscribeView();
    unsubscribeLayers();
    window.removeEventListener('popstate', onPopState);
  };
}

/** Switching workspace is a navigation the user may want to go back from: it pushes a history entry. */
export function navigateToWorkspacePath(path: string): void {
  window.history.pushState(null, '', path + window.location.search);
}
