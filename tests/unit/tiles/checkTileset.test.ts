/**
 * src/tiles/check, our stand-in for the official 3d-tiles-validator (not on npm): it passes the validator's valid
 * spec tilesets, flags its invalid ones with the matching issue, and catches each defect we plant in a tileset
 * ifc2tiles wrote (a child box outside its parent, content outside its box, errors growing downward, metadata of
 * the wrong type, feature ids past featureCount, a property table whose offsets run off its buffer).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTileset, readGlb, relativeUri } from '../../../src/tiles';
import type { IfcTiles, TileJson, TilesetIssue, TilesetJson } from '../../../src/tiles';
import { assembleGlb } from '../../../src/tiles/gltf/glbContainer';
import { DATA_DIR } from '../demo/demoFiles';
import { convertPath, filesOf, OFFICE_A } from './tilesFiles';

const SPECS = join(DATA_DIR, '3dtiles/3d-tiles-validator-specs-data');

/** Reads files relative to `tilesetPath`'s folder, as the validator resolves URIs. */
function specResolver(tilesetPath: string): (uri: string) => Promise<Uint8Array | null> {
  return async (uri) => {
    try {
      return new Uint8Array(readFileSync(join(dirname(tilesetPath), uri)));
    } catch {
      return null;
    }
  };
}

async function checkSpec(relativePath: string): Promise<TilesetIssue[]> {
  const path = join(SPECS, relativePath);
  return checkTileset(JSON.parse(readFileSync(path, 'utf8')), specResolver(path));
}

/** A one-tile tileset around a glTF of the validator's glTF-extension specs (a box far larger than the asset). */
async function checkSpecGltf(relativePath: string): Promise<TilesetIssue[]> {
  const tileset = {
    asset: { version: '1.1' },
    geometricError: 1,
    root: { refine: 'ADD', geometricError: 0, boundingVolume: { box: [0, 0, 0, 100, 0, 0, 0, 100, 0, 0, 0, 100] }, content: { uri: relativePath } },
  };
  return checkTileset(tileset, specResolver(join(SPECS, 'tileset.json')));
}

const errorCodes = (issues: TilesetIssue[]) => issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);

describe('checkTileset on the official validator\'s spec data', () => {
  it.each([
    ['tilesets/validTilesetWithValidGltf.json', []],
    // Its root states no refine, which newer validators report as an error (CesiumGS/3d-tiles-validator#303).
    ['Samples/TilesetWithFullMetadata/tileset.json', ['TILE_REFINE_MISSING_IN_ROOT']],
    ['gltfExtensions/ValidFeatureIdAttributeAndPropertyTable.gltf', []],
    ['gltfExtensions/meshFeatures/ValidFeatureIdAttributeWithByteStride.glb', []],
    ['gltfExtensions/structuralMetadata/ValidMultipleClasses.gltf', []],
  ])('finds no error in the valid %s (but %j)', async (path, expected) => {
    const issues = path.endsWith('.json') ? await checkSpec(path) : await checkSpecGltf(path);
    expect(errorCodes(issues)).toEqual(expected);
  });

  it.each([
    ['tilesets/assetVersionUnknown.json', 'ASSET_VERSION'],
    ['tilesets/tileGeometricErrorNegative.json', 'TILE_GEOMETRIC_ERROR_INVALID'],
    ['tilesets/tileGeometricErrorNotSmallerThanParentGeometricError.json', 'TILE_GEOMETRIC_ERROR_INCONSISTENT'],
    ['tilesets/tileRefineMissingInRoot.json', 'TILE_REFINE_MISSING_IN_ROOT'],
    ['tilesets/tileContentBoundingVolumeNotInTileBoundingVolume.json', 'CONTENT_BOUNDING_VOLUME_NOT_IN_TILE'],
    ['tilesets/tileMetadataClassInvalid.json', 'METADATA_CLASS_INVALID'],
    ['tilesets/tileMetadataRequiredPropertyMissing.json', 'METADATA_REQUIRED_PROPERTY_MISSING'],
    ['tilesets/tileMetadataScalarValueNotInRange.json', 'METADATA_VALUE_INVALID'],
  ])('flags the invalid %s with %s', async (path, code) => {
    expect(errorCodes(await checkSpec(path))).toContain(code);
  });

  it.each([
    ['gltfExtensions/FeatureIdAttributeAndPropertyTableFeatureIdNotInRange.gltf', 'FEATURE_ID_NOT_IN_RANGE'],
    ['gltfExtensions/meshFeatures/FeatureIdAttributeFeatureCountInvalidValue.gltf', 'FEATURE_COUNT_INVALID'],
    ['gltfExtensions/FeatureIdAttributePropertyTableInvalidValue.gltf', 'FEATURE_ID_PROPERTY_TABLE_INVALID'],
  ])('flags the invalid glTF %s with %s', async (path, code) => {
    expect(errorCodes(await checkSpecGltf(path))).toContain(code);
  });
});

describe('checkTileset on defects planted in an ifc2tiles tileset (Office_A, many tiles)', () => {
  let tiles: IfcTiles;
  beforeAll(async () => {
    tiles = await convertPath(OFFICE_A, { maxTriangles: 10_000 });
  }, 120_000);

  const copy = (): TilesetJson => structuredClone(tiles.tileset);
  const firstParent = (tileset: TilesetJson): TileJson => tileset.root.children!.find((child) => child.children)!;
  /** The box shrunk to a tenth around its centre. */
  const shrink = (tile: TileJson) => {
    const box = tile.boundingVolume.box!;
    tile.boundingVolume.box = box.map((value, i) => (i < 3 ? value : value / 10));
  };

  it('finds nothing wrong with the tileset as written', async () => {
    expect(await checkTileset(tiles.tileset, filesOf(tiles))).toEqual([]);
  });

  it('catches a child box that reaches outside its parent\'s, and the content it no longer holds', async () => {
    const tileset = copy();
    shrink(firstParent(tileset));
    const codes = errorCodes(await checkTileset(tileset, filesOf(tiles)));
    expect(codes).toContain('TILE_BOUNDING_VOLUME_NOT_IN_PARENT');
    expect(codes).toContain('CONTENT_NOT_ENCLOSED_BY_BOUNDING_VOLUME');
  });

  it('catches a content box too small for the content', async () => {
    const tileset = copy();
    const content = tileset.root.content!;
    content.boundingVolume!.box = content.boundingVolume!.box!.map((value, i) => (i < 3 ? value : value / 2));
    expect(errorCodes(await checkTileset(tileset, filesOf(tiles)))).toEqual(['CONTENT_NOT_ENCLOSED_BY_BOUNDING_VOLUME']);
  });

  it('catches a geometric error that grows from parent to child', async () => {
    const tileset = copy();
    const parent = firstParent(tileset);
    parent.children![0]!.geometricError = parent.geometricError + 1;
    expect(errorCodes(await checkTileset(tileset, filesOf(tiles)))).toEqual(['TILE_GEOMETRIC_ERROR_INCONSISTENT']);
  });

  it('catches tileset metadata of the wrong type or missing', async () => {
    const tileset = copy();
    const properties = tileset.metadata!.properties;
    properties.originLongitude = '105.78';
    properties.elementCount = -1;
    delete properties.sourceSha256;
    const codes = errorCodes(await checkTileset(tileset, filesOf(tiles)));
    expect(codes.filter((code) => code === 'METADATA_VALUE_INVALID')).toHaveLength(2);
    expect(codes).toContain('METADATA_REQUIRED_PROPERTY_MISSING');
  });

  it('catches a glb whose feature ids reach past featureCount', async () => {
    const path = 'content/0.glb';
    const { json, bin } = readGlb(tiles.files.find((file) => file.path === path)!.bytes);
    const featureIds = (json.meshes![0]!.primitives[0]!.extensions!.EXT_mesh_features as { featureIds: { featureCount: number }[] }).featureIds[0]!;
    featureIds.featureCount -= 1;
    const issues = await checkTileset(tiles.tileset, withFile(path, assembleGlb(json, bin)));
    expect(errorCodes(issues)).toEqual(['FEATURE_ID_NOT_IN_RANGE']);
  });

  it('catches a property table whose string offsets run past the strings', async () => {
    const path = 'content/0.glb';
    const bytes = tiles.files.find((file) => file.path === path)!.bytes.slice();
    const { json, bin } = readGlb(bytes);
    const table = (json.extensions!.EXT_structural_metadata as { propertyTables: { properties: Record<string, { stringOffsets?: number }> }[] }).propertyTables[0]!;
    const offsets = json.bufferViews![table.properties.globalId!.stringOffsets!]!;
    new DataView(bin.buffer, bin.byteOffset).setUint32((offsets.byteOffset ?? 0) + offsets.byteLength - 4, 0xffffff, true);
    const issues = await checkTileset(tiles.tileset, withFile(path, bytes));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['PROPERTY_TABLE_VALUES_INVALID', `${path}/extensions/EXT_structural_metadata/propertyTables/0/properties/globalId`],
    ]);
  });

  function withFile(path: string, bytes: Uint8Array): (uri: string) => Promise<Uint8Array | null> {
    const files = filesOf(tiles);
    return (uri) => (uri === path ? Promise.resolve(bytes) : files(uri));
  }
});

describe('relativeUri', () => {
  it('resolves a buffer next to, below or above its glTF', () => {
    expect(relativeUri('tiles/glTF/Triangle/Triangle.gltf', 'simpleTriangle.bin')).toBe('tiles/glTF/Triangle/simpleTriangle.bin');
    expect(relativeUri('a/b.gltf', './c/d.bin')).toBe('a/c/d.bin');
    expect(relativeUri('a/b/c.gltf', '../d.bin')).toBe('a/d.bin');
    expect(relativeUri('c.gltf', 'd.bin')).toBe('d.bin');
  });
});
