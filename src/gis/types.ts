/**
 * The city catalogue: a serializable description of a city's layers (vcmap-style: the map state is data).
 * `scripts/build-demo` writes `assets/demo/city.json` in this shape; the app reads it at start-up and a layer can
 * be restored from its spec alone. URLs are relative to the catalogue file.
 */

/** A user-facing text in Vietnamese (first) and English. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** Degrees, WGS 84. */
export interface GeoExtent {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface CityCatalog {
  /** Stable id of the city model, e.g. `hanoi-vnu-caugiay`. */
  id: string;
  name: LocalizedText;
  /** The province the district lies in; `vn2000` is its VN-2000 TM-3 zone, e.g. `EPSG:5897` for Hà Nội. */
  province: { gsoCode: string; name: string; vn2000: string };
  /** The district the app opens on. */
  extent: GeoExtent;
  /** Attribution lines to show wherever the data is shown (licences of the sources). */
  attribution: string[];
  layers: LayerSpec[];
}

interface LayerSpecBase {
  id: string;
  title: LocalizedText;
  /** Relative to the catalogue. */
  url: string;
  visible: boolean;
  /** 0..1 */
  opacity: number;
  /** Where the data came from and under which licence. */
  source: string;
}

/** OGC 3D Tiles 1.1 tileset with per-feature metadata (EXT_structural_metadata). */
export interface TilesetLayerSpec extends LayerSpecBase {
  kind: '3dtiles';
  /** The metadata property that identifies a feature for picking and highlighting; `osmId` when absent. */
  featureKey?: string;
  /** Features keep their own (glTF material) colours, as IFC elements do; otherwise all take the city's building colour. */
  materialColours?: boolean;
}

/** How a GeoJSON layer is drawn; colours are CSS hex strings (#rrggbb). */
export interface VectorStyle {
  fill?: string;
  stroke?: string;
  /** Line width in screen pixels. */
  strokeWidth?: number;
  /** Property whose value labels the feature; labels only when set. `fill` colours the text, `stroke` its halo. */
  labelProperty?: string;
  /** Labels are hidden when the camera is farther than this (metres): close-ups name buildings, overviews areas. */
  labelMaxDistance?: number;
  /** Property holding the height (m) a label floats at, e.g. a building's roof; ground level when absent. */
  labelHeightProperty?: string;
  /** Per-feature overrides keyed by the value of `byProperty`. */
  byProperty?: string;
  classes?: Record<string, { fill?: string; stroke?: string; strokeWidth?: number; labelMaxDistance?: number }>;
}

/** GeoJSON (RFC 7946, WGS 84) draped on the ground. */
export interface VectorLayerSpec extends LayerSpecBase {
  kind: 'geojson';
  style: VectorStyle;
}

export type LayerSpec = TilesetLayerSpec | VectorLayerSpec;
