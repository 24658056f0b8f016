/**
 * The tileset JSON of a single-tile 3D Tiles 1.1 tileset with glTF content, placed by an ENU → ECEF root
 * transform. Heights are above the WGS 84 ellipsoid: the frame's origin is at ellipsoid height 0, matching a
 * scene that uses the bare WGS 84 ellipsoid as its ground (the demo district has no public terrain model).
 */
import { boxEnclosing } from '../../src/tiles/tileset/bounds';
import { enuToEcefMatrix } from './geodesy';
import { roundTo } from './geojson';
import type { EnuFrame } from './geodesy';
import type { EnuBounds } from './buildings';

export interface TilesetInput {
  frame: EnuFrame;
  /** Bounds of the content in the ENU frame. */
  bounds: EnuBounds;
  contentUri: string;
  /** Error (m) if the tileset is not drawn at all; see {@link buildTileset}. */
  geometricError: number;
  /** Application version of the data, e.g. the newest OSM edit it contains. */
  tilesetVersion?: string;
  /** Credits Cesium shows with the tileset (`asset.extras.cesium.credits`). */
  credits?: readonly string[];
}

/**
 * The root tile is a leaf holding the full-detail content, so its own geometricError is 0; the tileset's
 * geometricError is the size of what disappears when it is not drawn (the caller passes the largest building's
 * size), so Cesium keeps drawing it until buildings shrink to a few pixels. Refinement is ADD (nothing replaces).
 */
export function buildTileset(input: TilesetInput): object {
  return {
    asset: {
      version: '1.1',
      ...(input.tilesetVersion === undefined ? {} : { tilesetVersion: input.tilesetVersion }),
      ...(input.credits ? { extras: { cesium: { credits: input.credits.map((html) => ({ html, showOnScreen: true })) } } } : {}),
    },
    geometricError: input.geometricError,
    root: {
      transform: enuToEcefMatrix(input.frame).map((value, index) => roundTo(value, index >= 12 ? 4 : 15)),
      boundingVolume: { box: boxEnclosing(input.bounds) },
      geometricError: 0,
      refine: 'ADD',
      content: { uri: input.contentUri },
    },
  };
}
