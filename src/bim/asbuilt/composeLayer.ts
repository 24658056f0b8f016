/**
 * The as-built layer as one tileset: a composed root whose children reference each stored building's tileset.json
 * as an external tileset (3D Tiles 1.1 §"External tilesets"). Everything is served from blob: URLs, which cannot
 * be a base for relative URIs, so each building's content URIs are rewritten to the blob URLs of its glbs.
 *
 * A child that references an external tileset carries no transform (the external root has its own, and Cesium
 * would apply both), so its bounding volume is a sphere in ECEF around the building's transformed root box.
 */
import type { TileJson, TilesetJson } from '../../tiles';
import type { StoredBuilding } from './types';

/** Turns bytes into a URL the tileset loader can fetch (URL.createObjectURL in the app). */
export type UrlOf = (bytes: Uint8Array, mediaType: string) => string;

export interface ComposedLayer {
  /** The composed root tileset.json; null when no building is stored. */
  rootUrl: string | null;
  /** Every URL made, to revoke when the layer is rebuilt. */
  urls: string[];
}

const TILESET_JSON = 'tileset.json';

export function composeAsBuiltLayer(buildings: readonly StoredBuilding[], urlOf: UrlOf): ComposedLayer {
  const urls: string[] = [];
  const made: UrlOf = (bytes, type) => {
    const url = urlOf(bytes, type);
    urls.push(url);
    return url;
  };
  const children = buildings.map((building) => buildingTile(building, made));
  if (children.length === 0) return { rootUrl: null, urls };
  const geometricError = Math.max(...children.map((child) => child.geometricError));
  const root: TilesetJson = {
    asset: { version: '1.1', extras: { sao: { layer: 'as-built', buildings: buildings.map((b) => b.submissionId) } } },
    geometricError,
    root: { boundingVolume: { sphere: enclosingSphere(children.map((child) => child.boundingVolume.sphere!)) }, geometricError, refine: 'ADD', children },
  };
  return { rootUrl: made(encodeJson(root), 'application/json'), urls };
}

/** The root's child for one building: its tileset.json, content URIs rewritten, as an external tileset. */
function buildingTile(building: StoredBuilding, urlOf: UrlOf): TileJson {
  const tileset = buildingTileset(building);
  const contentUrls = new Map(
    building.files.filter((file) => file.path !== TILESET_JSON).map((file) => [file.path, urlOf(file.bytes, 'model/gltf-binary')]),
  );
  rewriteContent(tileset.root, (uri) => {
    const url = contentUrls.get(uri);
    if (url === undefined) throw new Error(`as-built building ${building.tilesetId}: ${uri} is referenced but not stored`);
    return url;
  });
  return {
    boundingVolume: { sphere: rootSphere(tileset.root) },
    geometricError: tileset.geometricError,
    content: { uri: urlOf(encodeJson(servedFromBlobs(tileset)), 'application/json') },
  };
}

/**
 * CesiumJS appends `?v=<tilesetVersion>` to every URL a tileset derives (a cache buster for HTTP), and a blob URL
 * with a query is not found. Blob URLs are new for every rebuild anyway: the version moves to the asset's extras.
 */
function servedFromBlobs(tileset: TilesetJson): TilesetJson {
  const { tilesetVersion, ...asset } = tileset.asset;
  if (tilesetVersion === undefined) return tileset;
  return { ...tileset, asset: { ...asset, extras: { ...asset.extras, tilesetVersion } } };
}

/** The building's own tileset.json, as the converter wrote it. */
export function buildingTileset(building: StoredBuilding): TilesetJson {
  const file = building.files.find((candidate) => candidate.path === TILESET_JSON);
  if (!file) throw new Error(`as-built building ${building.tilesetId} has no ${TILESET_JSON}`);
  return JSON.parse(new TextDecoder().decode(file.bytes)) as TilesetJson;
}

function rewriteContent(tile: TileJson, urlOf: (uri: string) => string): void {
  if (tile.content) tile.content = { ...tile.content, uri: urlOf(tile.content.uri) };
  for (const child of tile.children ?? []) rewriteContent(child, urlOf);
}

/** The building's root box (in its transform's frame) as a sphere in ECEF: centre and the farthest corner. */
export function rootSphere(root: TileJson): [number, number, number, number] {
  const box = root.boundingVolume.box;
  if (!box || box.length !== 12) throw new Error('as-built tileset root has no box bounding volume');
  const m = root.transform ?? [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const apply = (x: number, y: number, z: number): [number, number, number] => [
    m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
    m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
    m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
  ];
  const [cx, cy, cz] = box as [number, number, number, ...number[]];
  const corners: [number, number, number][] = [];
  for (const su of [-1, 1]) for (const sv of [-1, 1]) for (const sw of [-1, 1]) {
    corners.push(apply(
      cx + su * box[3]! + sv * box[6]! + sw * box[9]!,
      cy + su * box[4]! + sv * box[7]! + sw * box[10]!,
      cz + su * box[5]! + sv * box[8]! + sw * box[11]!,
    ));
  }
  const center = apply(cx, cy, cz);
  return [...center, Math.max(...corners.map((corner) => distance(corner, center)))];
}

/** A sphere around spheres (centre: the mean of theirs; not the smallest, enough for culling). */
export function enclosingSphere(spheres: readonly number[][]): [number, number, number, number] {
  const center = [0, 1, 2].map((axis) => spheres.reduce((sum, s) => sum + s[axis]!, 0) / spheres.length) as [number, number, number];
  const radius = Math.max(...spheres.map((s) => distance(s as [number, number, number], center) + s[3]!));
  return [...center, radius];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

function encodeJson(json: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(json));
}
