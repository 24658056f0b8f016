/**
 * Checks of an explicit 3D Tiles 1.1 tileset that its JSON schema cannot make, after those of CesiumGS's
 * 3d-tiles-validator (which is not on npm) plus one it leaves out:
 *
 * - every vertex of every glTF content, turned z-up and carried by the tile transforms, inside its tile's box,
 *   every ancestor's box and its content box (the validator's CONTENT_NOT_ENCLOSED_BY_BOUNDING_VOLUME);
 * - a tile's geometricError not above its parent's, the root's not above the tileset's;
 * - a content box inside its tile's box, and — not checked by the validator, but what makes culling safe —
 *   each child's box inside its parent's;
 * - metadata entities against the schema, glTF feature ids and property tables (checkMetadata, checkGltfFeatures).
 *
 * Boxes only: a region or sphere volume is reported as not checked. External tilesets are not followed.
 */
import { checkGltfFeatures } from './checkGltfFeatures';
import { checkMetadataEntity } from './checkMetadata';
import type { SchemaJson } from './checkMetadata';
import { forEachScenePosition, loadGltfAsset } from './gltfAsset';
import type { ResolveUri } from './gltfAsset';
import { IssueList } from './issues';
import type { TilesetIssue } from './issues';
import type { Mat4 } from './mat4';
import { IDENTITY, multiply, transformPoint, Y_UP_TO_Z_UP } from './mat4';
import { boxContains, boxInside, orientedBox } from './orientedBox';
import type { OrientedBox } from './orientedBox';

interface TileJson {
  boundingVolume?: { box?: number[] };
  geometricError?: number;
  refine?: string;
  transform?: number[];
  metadata?: unknown;
  content?: ContentJson;
  contents?: ContentJson[];
  children?: TileJson[];
}

interface ContentJson {
  uri?: string;
  boundingVolume?: { box?: number[] };
  metadata?: unknown;
}

interface TilesetJsonInput {
  asset?: { version?: string };
  geometricError?: number;
  schema?: SchemaJson;
  metadata?: unknown;
  root?: TileJson;
}

interface Ancestor {
  path: string;
  box: OrientedBox | null;
}

/** Checks `tileset` (parsed tileset.json); `resolve` reads a file by its URI relative to tileset.json. */
export async function checkTileset(tileset: unknown, resolve: ResolveUri): Promise<TilesetIssue[]> {
  const issues = new IssueList();
  const json = tileset as TilesetJsonInput;
  if (json.asset?.version !== '1.1') issues.error('ASSET_VERSION', '/asset/version', `asset.version is ${JSON.stringify(json.asset?.version)}, not "1.1"`);
  if (json.metadata !== undefined) checkMetadataEntity(json.metadata, json.schema, '/metadata', issues);
  const root = json.root;
  if (!root) {
    issues.error('ROOT_MISSING', '/root', 'the tileset has no root tile');
    return issues.items;
  }
  if (root.refine === undefined) issues.error('TILE_REFINE_MISSING_IN_ROOT', '/root', 'the root tile must state refine');
  if ((root.geometricError ?? 0) > (json.geometricError ?? Infinity)) {
    issues.error('TILE_GEOMETRIC_ERROR_INCONSISTENT', '/root/geometricError', `the root's geometricError ${root.geometricError} exceeds the tileset's ${json.geometricError}`);
  }
  await checkTile(root, '/root', IDENTITY, [], Infinity, { schema: json.schema, resolve, issues });
  return issues.items;
}

interface Context {
  schema: SchemaJson | undefined;
  resolve: ResolveUri;
  issues: IssueList;
}

async function checkTile(tile: TileJson, path: string, parentTransform: Mat4, ancestors: Ancestor[], parentError: number, context: Context): Promise<void> {
  const { issues } = context;
  const error = tile.geometricError;
  if (typeof error !== 'number' || !(error >= 0)) issues.error('TILE_GEOMETRIC_ERROR_INVALID', `${path}/geometricError`, `geometricError must be a number ≥ 0, is ${JSON.stringify(error)}`);
  else if (error > parentError) issues.error('TILE_GEOMETRIC_ERROR_INCONSISTENT', `${path}/geometricError`, `geometricError ${error} exceeds the parent's ${parentError}`);
  if (tile.metadata !== undefined) checkMetadataEntity(tile.metadata, context.schema, `${path}/metadata`, issues);

  const transform = tile.transform ? multiply(parentTransform, tile.transform) : parentTransform;
  const box = boxOf(tile.boundingVolume, transform, `${path}/boundingVolume`, issues);
  const parent = ancestors[ancestors.length - 1];
  if (box && parent?.box && !boxInside(box, parent.box)) {
    issues.error('TILE_BOUNDING_VOLUME_NOT_IN_PARENT', `${path}/boundingVolume`, `the tile's box reaches outside the box of its parent ${parent.path}`);
  }
  const lineage = [...ancestors, { path, box }];
  const contents = tile.contents ?? (tile.content ? [tile.content] : []);
  for (const [index, content] of contents.entries()) {
    const contentPath = tile.contents ? `${path}/contents/${index}` : `${path}/content`;
    await checkContent(content, contentPath, transform, lineage, context);
  }
  for (const [index, child] of (tile.children ?? []).entries()) {
    await checkTile(child, `${path}/children/${index}`, transform, lineage, typeof error === 'number' ? error : Infinity, context);
  }
}

async function checkContent(content: ContentJson, path: string, transform: Mat4, lineage: Ancestor[], context: Context): Promise<void> {
  const { issues } = context;
  if (content.metadata !== undefined) checkMetadataEntity(content.metadata, context.schema, `${path}/metadata`, issues);
  const contentBox = content.boundingVolume ? boxOf(content.boundingVolume, transform, `${path}/boundingVolume`, issues) : null;
  const tileBox = lineage[lineage.length - 1]!.box;
  if (contentBox && tileBox && !boxInside(contentBox, tileBox)) {
    issues.error('CONTENT_BOUNDING_VOLUME_NOT_IN_TILE', `${path}/boundingVolume`, 'the content box reaches outside its tile\'s box');
  }
  const uri = content.uri;
  if (uri === undefined || /\.json$/i.test(uri)) return; // an external tileset: not followed
  const bytes = await context.resolve(uri);
  if (!bytes) return issues.error('CONTENT_NOT_FOUND', `${path}/uri`, `${uri} cannot be read`);
  let asset;
  try {
    asset = await loadGltfAsset(bytes, (buffer) => context.resolve(relativeUri(uri, buffer)));
  } catch (error) {
    return issues.error('CONTENT_INVALID', `${path}/uri`, `${uri} is not a readable glTF: ${(error as Error).message}`);
  }
  const volumes = [...lineage.map(({ path: tilePath, box }) => ({ name: `the box of ${tilePath}`, box })), { name: 'its content box', box: contentBox }];
  const outside = volumes.map(() => 0);
  let vertices = 0;
  const toTileset = multiply(transform, Y_UP_TO_Z_UP);
  const point = [0, 0, 0];
  try {
    forEachScenePosition(asset, (p) => {
      vertices++;
      transformPoint(toTileset, p[0]!, p[1]!, p[2]!, point);
      volumes.forEach(({ box }, i) => {
        if (box && !boxContains(box, point)) outside[i]!++;
      });
    });
    checkGltfFeatures(asset, uri, issues);
  } catch (error) {
    return issues.error('CONTENT_INVALID', `${path}/uri`, `${uri}: ${(error as Error).message}`);
  }
  volumes.forEach(({ name }, i) => {
    if (outside[i]! > 0) issues.error('CONTENT_NOT_ENCLOSED_BY_BOUNDING_VOLUME', path, `${outside[i]} of the ${vertices} vertices of ${uri} lie outside ${name}`);
  });
}

function boxOf(volume: TileJson['boundingVolume'], transform: Mat4, path: string, issues: IssueList): OrientedBox | null {
  const box = volume?.box;
  if (Array.isArray(box) && box.length === 12 && box.every(Number.isFinite)) return orientedBox(box, transform);
  if (box !== undefined) issues.error('BOUNDING_VOLUME_INVALID', path, 'a box is 12 finite numbers');
  else issues.info('BOUNDING_VOLUME_NOT_CHECKED', path, 'only box bounding volumes are checked');
  return null;
}

/** `uri` resolved against the folder of `base` (both relative to the tileset), without a URL base to lean on. */
export function relativeUri(base: string, uri: string): string {
  const parts = base.split('/').slice(0, -1);
  for (const segment of uri.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}
