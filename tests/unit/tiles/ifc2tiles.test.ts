/**
 * ifc2tiles on real models: the demo submission (AC20-FZK-Haus with a VN-2000 IfcMapConversion), the Duplex
 * (IFC2X3 ePSet_MapConversion) and Office_A split into many tiles. What a planner and the official validators
 * would check: valid glTF and tileset JSON, boxes that hold their content, every element's identity kept, and
 * the building standing where its georeferencing says.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Axis, Cartesian3, Matrix4 } from 'cesium';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import { closeIfcModel, readIfcModel } from '../../../src/bim/ifc';
import type { IfcGeometryChunk, IfcModelHeader } from '../../../src/bim/types';
import { checkTileset, readGlb, TilesError } from '../../../src/tiles';
import type { IfcTiles, TileJson } from '../../../src/tiles';
import { accessorValues, loadGltfAsset } from '../../../src/tiles/check';
import { tilesSchemaValidator } from '../demo/demoFiles';
import { convertPath, DEMO_SUBMISSION, DUPLEX, featureRows, filesOf, glbsOf, OFFICE_A, OPEN_HOUSE, stepElementsByStorey, validateGlb } from './tilesFiles';

const TIMEOUT = 120_000;
/** The matrix CesiumJS applies to glTF content of a tileset (Scene/Axis.js: present at run time, absent from its d.ts). */
const Y_UP_TO_Z_UP = (Axis as unknown as { Y_UP_TO_Z_UP: Matrix4 }).Y_UP_TO_Z_UP;
const ELEMENT_CLASSES = ['IFCWALL', 'IFCWALLSTANDARDCASE', 'IFCSLAB', 'IFCDOOR', 'IFCWINDOW', 'IFCCOLUMN', 'IFCBEAM', 'IFCROOF', 'IFCSTAIR'];

function tilesOf(root: TileJson): TileJson[] {
  return [root, ...(root.children ?? []).flatMap(tilesOf)];
}

async function expectValidOutput(tiles: IfcTiles): Promise<void> {
  const validateTileset = tilesSchemaValidator('tileset.schema.json');
  expect(validateTileset(tiles.tileset), JSON.stringify(validateTileset.errors, null, 2)).toBe(true);
  const validateSchema = tilesSchemaValidator('schema.schema.json');
  const validateTable = tilesSchemaValidator('propertyTable.schema.json');
  for (const { path, bytes } of glbsOf(tiles)) {
    const { report, unexpected } = await validateGlb(bytes);
    expect(report.issues.numErrors, path).toBe(0);
    expect(report.issues.numWarnings, path).toBe(0);
    expect(unexpected, path).toEqual([]);
    const metadata = readGlb(bytes).json.extensions!.EXT_structural_metadata as { schema: unknown; propertyTables: unknown[] };
    expect(validateSchema(metadata.schema), JSON.stringify(validateSchema.errors)).toBe(true);
    for (const table of metadata.propertyTables) expect(validateTable(table), JSON.stringify(validateTable.errors)).toBe(true);
  }
  expect(await checkTileset(tiles.tileset, filesOf(tiles))).toEqual([]);
}

/** The model as the app's loader reads it, for project coordinates that do not go through the converter. */
async function loadProjectGeometry(path: string): Promise<{ header: IfcModelHeader; chunks: IfcGeometryChunk[] }> {
  const api = await createNodeIfcApi();
  let header: IfcModelHeader | null = null;
  const chunks: IfcGeometryChunk[] = [];
  const { modelId } = readIfcModel(api, new Uint8Array(readFileSync(path)), basename(path), {
    progress: () => {},
    header: (value) => (header = value),
    chunk: (chunk) => chunks.push(chunk),
  });
  closeIfcModel(api, modelId);
  return { header: header!, chunks };
}

describe.each([
  ['the demo submission (IFC4, IfcMapConversion to VN-2000 EPSG:5897)', DEMO_SUBMISSION, 'IfcMapConversion'],
  ['the Duplex (IFC2X3, ePSet_MapConversion)', DUPLEX, 'ePSet_MapConversion'],
])('ifc2tiles on %s', (_, path, method) => {
  let tiles: IfcTiles;
  beforeAll(async () => {
    tiles = await convertPath(path);
  }, TIMEOUT);

  it('writes glbs that pass glTF-Validator with no error or warning, and a tileset valid against the 3D Tiles 1.1 schema and our checks', async () => {
    expect(tiles.tileset.asset.version).toBe('1.1');
    await expectValidOutput(tiles);
  });

  it('places it by the file\'s georeferencing and says so in the tileset metadata', () => {
    const metadata = tiles.tileset.metadata!.properties;
    const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(metadata.sourceFile).toBe(basename(path));
    expect(metadata.sourceSha256).toBe(sha256);
    expect(metadata.placementMethod).toBe(method);
    expect(metadata.placementVerified).toBe(true);
    expect(metadata.projectGlobalId).toMatch(/^[0-9A-Za-z_$]{22}$/);
    expect(metadata.elementCount).toBe(tiles.summary.features);
    expect(tiles.tileset.asset.extras!.sao).toMatchObject({ converter: 'Sao ifc2tiles', placement: { source: method } });
  });

  it('stands every vertex where the placement puts its project point (≤ 1 cm), through Cesium\'s own glTF y-up → z-up', async () => {
    const { header, chunks } = await loadProjectGeometry(path);
    expect(tiles.placement.source).toBe(method);
    const projectToEcef = Matrix4.fromArray(tiles.placement.projectToEcef);
    const gltfToEcef = Matrix4.multiply(Matrix4.fromArray(tiles.tileset.root.transform!), Y_UP_TO_Z_UP, new Matrix4());
    const { bytes } = glbsOf(tiles)[0]!;
    const asset = await loadGltfAsset(bytes, async () => null);
    const primitive = asset.json.meshes![0]!.primitives[0]!;
    const positions = accessorValues(asset, primitive.attributes.POSITION!).values;
    const featureIds = accessorValues(asset, primitive.attributes._FEATURE_ID_0!).values;
    const rows = featureRows(bytes);
    let compared = 0;
    for (let v = 0; v < positions.length / 3; v += 97) {
      const [x, y, z] = [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!];
      const viaTileset = Matrix4.multiplyByPoint(gltfToEcef, new Cartesian3(x, y, z), new Cartesian3());
      // The same vertex in the loader's own chunks: its element's vertices, z-up project metres minus the offset.
      const expressId = rows[featureIds[v]!]!.expressId as number;
      const project = findVertex(chunks, expressId, [x, -z, y]);
      expect(project, `vertex ${v} of #${expressId} is not in the loader's geometry`).not.toBeNull();
      const [ox, oy, oz] = header.geometryOffset;
      const expected = Matrix4.multiplyByPoint(projectToEcef, new Cartesian3(project![0] + ox, project![1] + oy, project![2] + oz), new Cartesian3());
      expect(Cartesian3.distance(viaTileset, expected)).toBeLessThan(0.01);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('keeps each element\'s GlobalId, class and storey as the IFC text states them', () => {
    const rows = new Map(glbsOf(tiles).flatMap(({ bytes }) => featureRows(bytes)).map((row) => [row.globalId as string, row]));
    const elements = stepElementsByStorey(path, ELEMENT_CLASSES);
    const found = elements.filter((element) => rows.has(element.globalId));
    expect(found.length).toBeGreaterThan(20);
    expect(found.length / elements.length).toBeGreaterThan(0.9);
    for (const element of found) {
      const row = rows.get(element.globalId)!;
      expect(String(row.ifcClass).toUpperCase(), element.globalId).toBe(element.ifcClass);
      expect(row.storey, element.globalId).toBe(element.storey);
    }
    expect(new Set(found.map((element) => element.storey)).size).toBeGreaterThan(1);
  });
});

/** The loader-frame position of element `expressId` equal to `point` (float32), or null. */
function findVertex(chunks: readonly IfcGeometryChunk[], expressId: number, point: readonly number[]): [number, number, number] | null {
  const [px, py, pz] = point.map(Math.fround) as [number, number, number];
  for (const chunk of chunks) {
    for (let v = 0; v < chunk.vertexElementIds.length; v++) {
      if (chunk.vertexElementIds[v] !== expressId) continue;
      const p = chunk.positions;
      if (p[3 * v] === px && p[3 * v + 1] === py && p[3 * v + 2] === pz) return [px, py, pz];
    }
  }
  return null;
}

describe('ifc2tiles on Office_A with a small triangle budget (a tree of tiles)', () => {
  const MAX_TRIANGLES = 4_000;
  let tiles: IfcTiles;
  beforeAll(async () => {
    tiles = await convertPath(OFFICE_A, { maxTriangles: MAX_TRIANGLES });
  }, TIMEOUT);

  it('splits the model into several levels of tiles, each glb within the budget unless one element alone exceeds it', async () => {
    const all = tilesOf(tiles.tileset.root);
    expect(all.length).toBe(tiles.summary.tiles);
    expect(tiles.summary.glbs).toBeGreaterThan(8);
    expect(tiles.summary.depth).toBeGreaterThanOrEqual(4);
    for (const { path, bytes } of glbsOf(tiles)) {
      const { report } = await validateGlb(bytes);
      const features = featureRows(bytes).length;
      if (features > 1) expect(report.info!.totalTriangleCount, path).toBeLessThanOrEqual(MAX_TRIANGLES);
    }
  });

  it('draws every element exactly once, across all tiles', () => {
    const globalIds = glbsOf(tiles).flatMap(({ bytes }) => featureRows(bytes).map((row) => row.globalId));
    expect(globalIds.length).toBe(tiles.summary.features);
    expect(new Set(globalIds).size).toBe(globalIds.length);
  });

  it('refines by ADD with geometric errors that shrink towards the leaves (0 at the leaves)', () => {
    const { root } = tiles.tileset;
    expect(root.refine).toBe('ADD');
    expect(tiles.tileset.geometricError).toBeGreaterThanOrEqual(root.geometricError);
    expect(root.geometricError).toBeGreaterThan(1);
    for (const tile of tilesOf(root)) {
      if (!tile.children) expect(tile.geometricError).toBe(0);
      for (const child of tile.children ?? []) expect(child.geometricError).toBeLessThanOrEqual(tile.geometricError);
    }
  });

  it('passes glTF-Validator, the 3D Tiles 1.1 schema and our checks (boxes enclose children and content)', async () => {
    await expectValidOutput(tiles);
  }, TIMEOUT);
});

describe('ifc2tiles on a model without georeferencing (IfcOpenHouse)', () => {
  it('refuses it unless it is placed by hand', async () => {
    const attempt = convertPath(OPEN_HOUSE);
    await expect(attempt).rejects.toBeInstanceOf(TilesError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_GEOREFERENCED' });
    await expect(attempt).rejects.toThrow(/is not georeferenced .* Place it by hand/);
  }, TIMEOUT);

  it('places it by hand where asked, marked unverified in the metadata and the asset extras', async () => {
    const tiles = await convertPath(OPEN_HOUSE, { placeByHand: { lon: 105.7836, lat: 21.0391, headingDegrees: 30, elevation: 12 } });
    const { metadata, asset, root } = tiles.tileset;
    expect(metadata!.properties).toMatchObject({ placementMethod: 'manual', placementTrust: 'unverified', placementVerified: false, originLongitude: 105.7836 });
    expect(asset.extras!.sao).toMatchObject({ placement: { source: 'manual', unverified: true, datumHeight: 12, headingDegrees: 30 } });
    // The project origin (tile frame: minus the geometry offset) lands on the ellipsoid at the point given.
    const { header } = await loadProjectGeometry(OPEN_HOUSE);
    const [ox, oy, oz] = header.geometryOffset;
    const origin = Matrix4.multiplyByPoint(Matrix4.fromArray(root.transform!), new Cartesian3(-ox, -oy, -oz), new Cartesian3());
    expect(Cartesian3.distance(origin, Cartesian3.fromDegrees(105.7836, 21.0391, 0))).toBeLessThan(0.001);
    await expectValidOutput(tiles);
  }, TIMEOUT);
});
