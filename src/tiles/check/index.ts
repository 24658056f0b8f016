/**
 * Checks of a 3D Tiles 1.1 tileset beyond its JSON schema — bounding-volume containment of children and content
 * vertices, geometric-error order, metadata against the schema, glTF feature ids and property tables — after the
 * official 3d-tiles-validator's. Pure: the caller says how to read a file by URI.
 *
 * ```ts
 * const issues = await checkTileset(tileset, async (uri) => files.get(uri) ?? null);
 * ```
 */
export { checkTileset, relativeUri } from './checkTileset';
export { checkGltfFeatures } from './checkGltfFeatures';
export { loadGltfAsset, accessorValues, forEachScenePosition } from './gltfAsset';
export type { GltfAsset, ResolveUri } from './gltfAsset';
export type { TilesetIssue, IssueSeverity } from './issues';
