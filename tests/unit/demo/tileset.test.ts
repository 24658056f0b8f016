import { Cartesian3, Cartographic, Matrix4, Transforms } from 'cesium';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CityCatalog } from '../../../src/gis/types';
import { bufferViewBytes } from '../../../scripts/build-demo/glb';
import { decodePropertyTable } from '../../../scripts/build-demo/structuralMetadata';
import type { MetadataSchema, PropertyTableJson } from '../../../scripts/build-demo/structuralMetadata';
import { DATA_DIR, readAccessor, readAssetGlb, readAssetJson, tilesSchemaValidator } from './demoFiles';

interface Tileset {
  asset: { version: string };
  geometricError: number;
  root: { transform: number[]; boundingVolume: { box: number[] }; geometricError: number; refine: string; content: { uri: string } };
}

const tileset = readAssetJson<Tileset>('buildings/tileset.json');
const catalog = readAssetJson<CityCatalog>('city.json');
const { json, bin } = readAssetGlb('buildings/buildings.glb');
const primitive = json.meshes![0]!.primitives[0]!;
const positions = readAccessor(json, bin, primitive.attributes.POSITION!);
const featureIds = readAccessor(json, bin, primitive.attributes._FEATURE_ID_0!);

/** glTF y-up position i in the tile's z-up frame (3D Tiles 1.1: x, −z, y). */
function tilePosition(i: number): Cartesian3 {
  return new Cartesian3(positions[3 * i]!, -positions[3 * i + 2]!, positions[3 * i + 1]!);
}

describe('buildings tileset.json', () => {
  it('validates against the 3D Tiles 1.1 JSON schema', () => {
    const validate = tilesSchemaValidator('tileset.schema.json');
    expect(validate(tileset), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is rejected by the schema when broken (the schema is really in force)', () => {
    const validate = tilesSchemaValidator('tileset.schema.json');
    const { geometricError: _, ...withoutError } = tileset;
    expect(validate(withoutError)).toBe(false);
    expect(validate({ ...tileset, root: { ...tileset.root, transform: [1, 0, 0] } })).toBe(false);
  });

  it('is 3D Tiles 1.1 with a single leaf tile of glTF content', () => {
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.root.content.uri).toBe('buildings.glb');
    expect(tileset.root.geometricError).toBe(0);
    expect(tileset.root.refine).toBe('ADD');
    expect(tileset.geometricError).toBeGreaterThan(10);
    expect(tileset.geometricError).toBeLessThan(500);
  });

  it('places the ENU frame at the district centre, on the ellipsoid, as Cesium computes it', () => {
    const { west, south, east, north } = catalog.extent;
    const origin = Cartesian3.fromDegrees((west + east) / 2, (south + north) / 2, 0);
    const expected = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(origin));
    tileset.root.transform.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[index]!, index >= 12 ? 3 : 12);
    });
  });

  it('has a box that encloses every vertex, tightly', () => {
    const [cx, cy, cz, hx, , , , hy, , , , hz] = tileset.root.boundingVolume.box as [number, number, number, number, number, number, number, number, number, number, number, number];
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length / 3; i++) {
      const p = tilePosition(i);
      [p.x, p.y, p.z].forEach((value, axis) => {
        min[axis] = Math.min(min[axis]!, value);
        max[axis] = Math.max(max[axis]!, value);
      });
    }
    const center = [cx, cy, cz];
    const half = [hx, hy, hz];
    for (let axis = 0; axis < 3; axis++) {
      expect(min[axis]).toBeGreaterThanOrEqual(center[axis]! - half[axis]!);
      expect(max[axis]).toBeLessThanOrEqual(center[axis]! + half[axis]!);
      expect(center[axis]! - half[axis]! - min[axis]!).toBeGreaterThan(-0.01);
      expect(max[axis]! - (center[axis]! + half[axis]!)).toBeGreaterThan(-0.01);
    }
    expect(min[2]).toBeCloseTo(0, 3); // buildings stand on the ellipsoid
  });

  it('puts Nhà C5 where OpenStreetMap has it, 9 m tall', () => {
    const osm = JSON.parse(readFileSync(join(DATA_DIR, 'vector/hanoi-vnu-osm/vnu_buildings.geojson'), 'utf8')) as {
      features: { properties: { osm_way_id: string }; geometry: { coordinates: number[][][][] } }[];
    };
    const footprint = osm.features.find((f) => f.properties.osm_way_id === '168945118')!.geometry.coordinates[0]![0]!;
    const c5 = readC5FeatureId();
    expect(c5).toBeGreaterThanOrEqual(0);
    const transform = Matrix4.fromArray(tileset.root.transform);
    let checked = 0;
    for (let i = 0; i < featureIds.length; i++) {
      if (featureIds[i] !== c5) continue;
      const carto = Cartographic.fromCartesian(Matrix4.multiplyByPoint(transform, tilePosition(i), new Cartesian3()));
      const lon = (carto.longitude * 180) / Math.PI;
      const lat = (carto.latitude * 180) / Math.PI;
      const nearest = Math.min(...footprint.map(([x, y]) => Math.hypot((x! - lon) * 103900, (y! - lat) * 110700)));
      expect(nearest).toBeLessThan(0.05); // metres
      expect([0, 9]).toContainEqual(Math.round(carto.height * 100) / 100);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });
});

describe('glTF structural metadata JSON', () => {
  const metadata = json.extensions!.EXT_structural_metadata as { schema: unknown; propertyTables: unknown[] };

  it('has a schema valid against the 3D Metadata schema', () => {
    const validate = tilesSchemaValidator('schema.schema.json');
    expect(validate(metadata.schema), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has property tables valid against the property table schema', () => {
    const validate = tilesSchemaValidator('propertyTable.schema.json');
    for (const table of metadata.propertyTables) expect(validate(table), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});

function readC5FeatureId(): number {
  const metadata = json.extensions!.EXT_structural_metadata as { schema: MetadataSchema; propertyTables: PropertyTableJson[] };
  const columns = decodePropertyTable(metadata.schema, metadata.propertyTables[0]!, (index) => bufferViewBytes(json, bin, index));
  return columns.osmId!.indexOf('168945118');
}
