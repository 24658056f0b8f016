import type { CesiumWidget } from '@cesium/engine';
import type { LayerSpec } from '../gis/types';
import type { LayerView, StatusListener } from './LayerView';
import { TilesetLayerView } from './TilesetLayerView';
import { VectorLayerView } from './VectorLayerView';

/** One renderer per layer kind; the spec alone decides which (vcmap-style: layers restore from JSON). */
export function createLayerView(viewer: CesiumWidget, spec: LayerSpec, url: string, onStatus: StatusListener): LayerView {
  switch (spec.kind) {
    case '3dtiles':
      return new TilesetLayerView(viewer, spec, url, onStatus);
    case 'geojson':
      return new VectorLayerView(viewer, spec, url, onStatus);
  }
}
