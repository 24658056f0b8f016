import { AS_BUILT_LAYER_ID } from '../bim/asbuilt/asBuiltLayerSpec';
import { CatalogError, parseCatalog } from '../gis';
import { useLayerStore, useViewStore, visibleLayersOf } from '../state';
import { parseLayers, parseUrlView, type ParsedUrlView } from './urlState';

/** The embedded demo city, served from `assets/demo`. */
export const DEMO_CATALOG_URL = '/demo/city.json';
/** The last layer list the user chose, kept so that reopening the app (after a crash too) keeps it. */
const LAST_LAYERS_KEY = 'sao:lastLayers';

async function fetchCatalog(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new CatalogError(`HTTP ${response.status}`);
  return parseCatalog(await response.json());
}

function savedLayers(): string | null {
  try {
    return localStorage.getItem(LAST_LAYERS_KEY);
  } catch {
    return null;
  }
}

/** Applies what the link says to the stores: workspace, language, camera and notices for what was wrong. */
export function applyUrlView(view: ParsedUrlView): void {
  const viewStore = useViewStore.getState();
  viewStore.setWorkspace(view.workspace);
  viewStore.setLang(view.lang);
  if (view.camera) viewStore.requestCamera(view.camera);
  if (view.layers) useLayerStore.getState().applyVisibility(view.layers);
  for (const message of view.notices) viewStore.notify('warning', message);
}

let booting: Promise<void> | null = null;

/** Loads the city catalogue and restores the view from the URL (or, for layers, from the last session). Once. */
export function boot(): Promise<void> {
  booting ??= loadCity(window.location);
  return booting;
}

async function loadCity(location: Location): Promise<void> {
  const catalogUrl = new URL(DEMO_CATALOG_URL, location.href).href;
  try {
    const catalog = await fetchCatalog(catalogUrl);
    // The as-built layer is added at run time (from IndexedDB), but a link may name it.
    const ids = [...catalog.layers.map((l) => l.id), AS_BUILT_LAYER_ID];
    const view = parseUrlView(location.pathname, location.search, ids);
    const saved = savedLayers();
    const restored = saved === null ? null : parseLayers(saved)?.filter((l) => ids.includes(l.id)) ?? null;
    useLayerStore.getState().setCatalog(catalog, catalogUrl, view.layers ?? restored);
    applyUrlView(view);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    useLayerStore.getState().setCatalogError({ key: 'error.catalog', params: { url: catalogUrl, detail } });
  }
}

export function rememberLayers(): () => void {
  return useLayerStore.subscribe((state, previous) => {
    if (state.layers === previous.layers || state.layers.length === 0) return;
    const layers = visibleLayersOf(state.layers).map((l) => (l.opacity === 1 ? l.id : `${l.id}:${l.opacity}`));
    try {
      localStorage.setItem(LAST_LAYERS_KEY, layers.join(','));
    } catch {
      // Storage can be full or disabled (private mode): the URL still carries the layer list.
    }
  });
}
