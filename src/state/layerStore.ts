import { create } from 'zustand';
import type { Message } from '../app/i18n';
import type { CityCatalog, LayerSpec } from '../gis/types';

export type LayerStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LayerState {
  spec: LayerSpec;
  visible: boolean;
  opacity: number;
  status: LayerStatus;
  error: Message | null;
}

/** Visibility and opacity of one layer, as a link or a saved session carries it. */
export interface LayerVisibility {
  id: string;
  opacity: number;
}

interface LayerStoreState {
  catalog: CityCatalog | null;
  /** Absolute URL of the catalogue: layer URLs resolve against it. */
  catalogUrl: string | null;
  catalogError: Message | null;
  layers: LayerState[];
  /** A "fly to layer" command for the scene; `seq` makes repeated requests distinct. */
  zoomRequest: { layerId: string; seq: number } | null;
  setCatalog(catalog: CityCatalog, url: string, visibleLayers: LayerVisibility[] | null): void;
  setCatalogError(error: Message): void;
  setVisible(id: string, visible: boolean): void;
  setOpacity(id: string, opacity: number): void;
  applyVisibility(visibleLayers: LayerVisibility[]): void;
  setStatus(id: string, status: LayerStatus, error?: Message): void;
  requestZoom(id: string): void;
  /**
   * Adds a layer made at run time (the as-built layer), or replaces the spec of the layer with its id, keeping the
   * visibility and opacity the user chose; the scene rebuilds its view from the new spec.
   */
  putLayer(spec: LayerSpec): void;
}

function withVisibility(spec: LayerSpec, visibleLayers: LayerVisibility[] | null): Pick<LayerState, 'visible' | 'opacity'> {
  if (!visibleLayers) return { visible: spec.visible, opacity: spec.opacity };
  const entry = visibleLayers.find((v) => v.id === spec.id);
  return entry ? { visible: true, opacity: entry.opacity } : { visible: false, opacity: spec.opacity };
}

function updateLayer(layers: LayerState[], id: string, patch: Partial<LayerState>): LayerState[] {
  return layers.map((layer) => (layer.spec.id === id ? { ...layer, ...patch } : layer));
}

export const useLayerStore = create<LayerStoreState>()((set) => ({
  catalog: null,
  catalogUrl: null,
  catalogError: null,
  layers: [],
  zoomRequest: null,
  setCatalog: (catalog, url, visibleLayers) =>
    set({
      catalog,
      catalogUrl: url,
      catalogError: null,
      layers: catalog.layers.map((spec) => ({
        spec,
        ...withVisibility(spec, visibleLayers),
        status: 'idle',
        error: null,
      })),
    }),
  setCatalogError: (catalogError) => set({ catalogError }),
  setVisible: (id, visible) => set((s) => ({ layers: updateLayer(s.layers, id, { visible }) })),
  setOpacity: (id, opacity) =>
    set((s) => ({ layers: updateLayer(s.layers, id, { opacity: Math.min(1, Math.max(0, opacity)) }) })),
  applyVisibility: (visibleLayers) =>
    set((s) => ({ layers: s.layers.map((layer) => ({ ...layer, ...withVisibility(layer.spec, visibleLayers) })) })),
  setStatus: (id, status, error) => set((s) => ({ layers: updateLayer(s.layers, id, { status, error: error ?? null }) })),
  requestZoom: (layerId) => set((s) => ({ zoomRequest: { layerId, seq: (s.zoomRequest?.seq ?? 0) + 1 } })),
  putLayer: (spec) =>
    set((s) => {
      const fresh = { spec, status: 'idle' as const, error: null };
      return s.layers.some((layer) => layer.spec.id === spec.id)
        ? { layers: updateLayer(s.layers, spec.id, fresh) }
        : { layers: [...s.layers, { ...fresh, visible: spec.visible, opacity: spec.opacity }] };
    }),
}));

/** The visible layers in draw order, as the URL and saved sessions carry them. */
export function visibleLayersOf(layers: LayerState[]): LayerVisibility[] {
  return layers.filter((l) => l.visible).map((l) => ({ id: l.spec.id, opacity: l.opacity }));
}
