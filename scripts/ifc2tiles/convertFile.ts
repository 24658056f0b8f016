/**
 * The converter in Node, for the CLI, the benchmark and the tests: web-ifc's Node build (one instance, reused)
 * and the bundled EPSG definitions read from node_modules, so any CRS a file names resolves.
 */
import type { IfcAPI } from 'web-ifc';
import { createNodeIfcApi } from '../../src/bim/ifc/node';
import { setEpsgDefinitionSource } from '../../src/geo';
import { nodeEpsgDefinitionSource } from '../../src/geo/epsg/nodeDefinitionSource';
import { convertIfcToTiles } from '../../src/tiles/ifc';
import type { IfcTiles, IfcTilesOptions } from '../../src/tiles/ifc';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

let api: Promise<IfcAPI> | null = null;

export async function convertFile(bytes: Uint8Array, fileName: string, options: IfcTilesOptions = {}): Promise<IfcTiles> {
  api ??= createNodeIfcApi();
  return convertIfcToTiles(await api, bytes, fileName, options);
}
