import type { TilesetLayerSpec } from '../../gis/types';

/** The as-built layer's id in the layer list and in links (`?layers=…`). */
export const AS_BUILT_LAYER_ID = 'as-built';

/** The layer spec for the composed tileset at `url`: features keyed by their IFC GlobalId, in their IFC colours. */
export function asBuiltLayerSpec(url: string): TilesetLayerSpec {
  return {
    id: AS_BUILT_LAYER_ID,
    kind: '3dtiles',
    title: { vi: 'Công trình hoàn công', en: 'As-built buildings' },
    url,
    visible: true,
    opacity: 1,
    source: 'Hồ sơ BIM hoàn công đã chấp thuận (IFC → 3D Tiles 1.1, Sao) / accepted as-built BIM submissions',
    featureKey: 'globalId',
    materialColours: true,
  };
}
