/**
 * IFC → 3D Tiles 1.1 (issue 6 §5): `convertIfcToTiles(api, bytes, fileName, options)` returns tileset.json and
 * one glb per tile with content; the caller writes them (the CLI, scripts/ifc2tiles.ts) or posts them (a worker).
 *
 * ```ts
 * const api = await createNodeIfcApi(); // or createBrowserIfcApi() in a worker
 * const { files, summary } = await convertIfcToTiles(api, bytes, 'house.ifc', { maxTriangles: 50_000 });
 * ```
 */
export { convertIfcToTiles, rootTransform, DEFAULT_MAX_TRIANGLES } from './convertIfcToTiles';
export type { IfcTiles, IfcTilesOptions, IfcTilesPhase, IfcTilesSummary, TileFile } from './convertIfcToTiles';
export { IFC_TILES_SCHEMA, IFC_ELEMENT_CLASS, IFC_MODEL_CLASS } from './ifcTilesSchema';
export type { ElementRecord, IfcLogicalValue } from './elementRecords';
