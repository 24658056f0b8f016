/**
 * 3D Tiles 1.1 and glTF 2.0 for Sao: the GLB writer and reader (gltf/), 3D Metadata property tables (metadata/),
 * tile trees and tileset JSON (tileset/), checks of a tileset beyond its schema (check/), and the IFC converter
 * (ifc/). No DOM, no Node: everything runs in a worker; writing files is the CLI's business (scripts/ifc2tiles.ts).
 */
export * from './ifc/index';
export * from './check/index';
export { TilesError } from './TilesError';
export type { TilesErrorCode } from './TilesError';
export { readGlb, writeGlb, bufferViewBytes } from './gltf/glb';
export type { GlbInput, GlbMaterial, GlbPrimitive, GltfJson } from './gltf/glb';
export { decodePropertyTable, encodePropertyTable } from './metadata/propertyTable';
export type { MetadataSchema, PropertyTableJson, PropertyValue } from './metadata/propertyTable';
export type { TilesetJson, TileJson } from './tileset/tilesetJson';
