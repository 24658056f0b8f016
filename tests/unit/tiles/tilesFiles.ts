/**
 * Helpers of the ifc2tiles tests: convert a file once per test file, read a glb's property table back as rows,
 * run Khronos' glTF-Validator, and read the STEP text of an IFC file without web-ifc (for independent expectations).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import validator from 'gltf-validator';
import type { ValidationReport } from 'gltf-validator';
import { convertFile } from '../../../scripts/ifc2tiles/convertFile';
import { findInstances } from '../../../scripts/ifc/stepText';
import type { IfcTiles, IfcTilesOptions, MetadataSchema, PropertyTableJson, PropertyValue } from '../../../src/tiles';
import { bufferViewBytes, decodePropertyTable, readGlb } from '../../../src/tiles';
import { ASSETS_DIR, DATA_DIR } from '../demo/demoFiles';

export const DEMO_SUBMISSION = join(ASSETS_DIR, 'bim/AC20-FZK-Haus.vn2000.ifc');
export const DUPLEX = join(DATA_DIR, 'ifc/georef/Duplex_A_20110907_georeferenced.ifc');
export const OFFICE_A = join(DATA_DIR, 'ifc/web-ifc/Office_A_20110811.ifc');
export const OPEN_HOUSE = join(DATA_DIR, 'ifc/web-ifc/IfcOpenHouse_IFC4.ifc');

export function convertPath(path: string, options: IfcTilesOptions = {}): Promise<IfcTiles> {
  return convertFile(new Uint8Array(readFileSync(path)), basename(path), options);
}

/** A resolver over the converter's output, as the checks and a viewer would read it. */
export function filesOf(tiles: IfcTiles): (uri: string) => Promise<Uint8Array | null> {
  const byPath = new Map(tiles.files.map((file) => [file.path, file.bytes]));
  return async (uri) => byPath.get(uri) ?? null;
}

export function glbsOf(tiles: IfcTiles): { path: string; bytes: Uint8Array }[] {
  return tiles.files.filter((file) => file.path.endsWith('.glb'));
}

/** Rows of a glb's (single) property table, one object per feature id. */
export function featureRows(glb: Uint8Array): Record<string, PropertyValue>[] {
  const { json, bin } = readGlb(glb);
  const metadata = json.extensions!.EXT_structural_metadata as { schema: MetadataSchema; propertyTables: PropertyTableJson[] };
  const table = metadata.propertyTables[0]!;
  const columns = decodePropertyTable(metadata.schema, table, (index) => bufferViewBytes(json, bin, index));
  return Array.from({ length: table.count }, (_, row) => Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, values[row]!])));
}

/** The glTF-Validator's report, with the infos it gives for what it cannot check (the 3D Tiles extensions and their buffer views) left out. */
export async function validateGlb(bytes: Uint8Array): Promise<{ report: ValidationReport; unexpected: ValidationReport['issues']['messages'] }> {
  const report = await validator.validateBytes(bytes, { maxIssues: 0 });
  const unexpected = report.issues.messages.filter((message) => message.severity < 2 || !['UNSUPPORTED_EXTENSION', 'UNUSED_OBJECT'].includes(message.code));
  return { report, unexpected };
}

export interface StepElement {
  globalId: string;
  /** Upper case, as STEP writes it. */
  ifcClass: string;
  storey: string;
}

/**
 * Elements of the given classes with the storey that contains them, read from the STEP text alone
 * (IfcRelContainedInSpatialStructure: RelatedElements [4], RelatingStructure [5]).
 */
export function stepElementsByStorey(path: string, classes: readonly string[]): StepElement[] {
  const text = readFileSync(path, 'latin1');
  const unquote = (value: string) => value.replace(/^'|'$/g, '');
  const storeys = new Map(findInstances(text, ['IFCBUILDINGSTOREY']).map((storey) => [storey.id, unquote(storey.attributes[2]!)]));
  const storeyOf = new Map<number, string>();
  for (const rel of findInstances(text, ['IFCRELCONTAINEDINSPATIALSTRUCTURE'])) {
    const storey = storeys.get(Number(rel.attributes[5]!.slice(1)));
    if (storey === undefined) continue;
    for (const ref of rel.attributes[4]!.replace(/[()]/g, '').split(',')) storeyOf.set(Number(ref.trim().slice(1)), storey);
  }
  return findInstances(text, classes)
    .filter((instance) => storeyOf.has(instance.id))
    .map((instance) => ({ globalId: unquote(instance.attributes[0]!), ifcClass: instance.ifcClass, storey: storeyOf.get(instance.id)! }));
}
