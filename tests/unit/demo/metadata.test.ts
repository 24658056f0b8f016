import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferViewBytes } from '../../../scripts/build-demo/glb';
import { DEFAULT_HEIGHT_BY_TYPE, STOREY_HEIGHT_M } from '../../../scripts/build-demo/heights';
import { decodePropertyTable } from '../../../scripts/build-demo/structuralMetadata';
import type { MetadataSchema, PropertyTableJson } from '../../../scripts/build-demo/structuralMetadata';
import { DATA_DIR, readAccessor, readAssetGlb } from './demoFiles';

const { json, bin } = readAssetGlb('buildings/buildings.glb');
const metadata = json.extensions!.EXT_structural_metadata as { schema: MetadataSchema; propertyTables: PropertyTableJson[] };
const table = metadata.propertyTables[0]!;
const columns = decodePropertyTable(metadata.schema, table, (index) => bufferViewBytes(json, bin, index));
const primitive = json.meshes![0]!.primitives[0]!;

type Row = { osmId: string; osmType: string; name: string; buildingType: string; heightMeters: number; heightSource: string; levels: number; address: string };
const rows: Row[] = Array.from({ length: table.count }, (_, i) =>
  Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, values[i]])) as Row,
);

describe('building metadata (EXT_structural_metadata property table)', () => {
  it('holds the 87 OSM buildings of the extract, each once', () => {
    expect(table.class).toBe('building');
    expect(table.count).toBe(87);
    expect(new Set(columns.osmId).size).toBe(87);
    const extract = JSON.parse(readFileSync(join(DATA_DIR, 'vector/hanoi-vnu-osm/vnu_buildings.geojson'), 'utf8')) as {
      features: { properties: { osm_way_id: string } }[];
    };
    expect(new Set(columns.osmId)).toEqual(new Set(extract.features.map((f) => f.properties.osm_way_id)));
  });

  it('names Nhà C5 with its OSM id', () => {
    expect(rows.find((row) => row.name === 'Nhà C5')).toMatchObject({ osmId: '168945118', osmType: 'way', buildingType: 'yes' });
  });

  it('gives every building a positive height with a valid source', () => {
    const sources = metadata.schema.enums!.HeightSource!.values.map((value) => value.name);
    for (const row of rows) {
      expect(row.heightMeters, row.osmId).toBeGreaterThan(0);
      expect(sources).toContain(row.heightSource);
      expect(Number.isInteger(row.levels)).toBe(true);
    }
  });

  it('applies the height rules: height tag, then levels × 3.3 m, then the type default', () => {
    expect(rows.find((row) => row.osmId === '828015640')).toMatchObject({ heightMeters: 27, heightSource: 'osmHeight', levels: 5 });
    const lawFaculty = rows.find((row) => row.osmId === '669930483')!;
    expect(lawFaculty).toMatchObject({ heightSource: 'osmLevels', levels: 7, address: '144 Xuân Thủy, Dịch Vọng Hậu, Cầu Giấy, Hà Nội' });
    expect(lawFaculty.heightMeters).toBeCloseTo(7 * STOREY_HEIGHT_M, 5);
    for (const row of rows.filter((r) => r.heightSource === 'typeDefault')) {
      expect(row.levels).toBe(0);
      expect(row.heightMeters).toBe(DEFAULT_HEIGHT_BY_TYPE[row.buildingType] ?? DEFAULT_HEIGHT_BY_TYPE.yes);
    }
  });

  it('links every vertex to a building through _FEATURE_ID_0, one building per triangle', () => {
    const featureIds = readAccessor(json, bin, primitive.attributes._FEATURE_ID_0!);
    const vertexCount = json.accessors![primitive.attributes.POSITION!]!.count;
    expect(featureIds).toHaveLength(vertexCount);
    expect(featureIds.every((id) => Number.isInteger(id) && id >= 0 && id < table.count)).toBe(true);
    expect(new Set(featureIds).size).toBe(table.count);
    const indices = readAccessor(json, bin, primitive.indices!);
    for (let t = 0; t < indices.length; t += 3) {
      const id = featureIds[indices[t]!];
      expect(featureIds[indices[t + 1]!]).toBe(id);
      expect(featureIds[indices[t + 2]!]).toBe(id);
    }
    expect(primitive.extensions).toEqual({
      EXT_mesh_features: { featureIds: [{ featureCount: 87, attribute: 0, label: 'building', propertyTable: 0 }] },
    });
  });

  it('winds every triangle counter-clockwise seen from the side its normal points to (back faces can be culled)', () => {
    const positions = readAccessor(json, bin, primitive.attributes.POSITION!);
    const normals = readAccessor(json, bin, primitive.attributes.NORMAL!);
    const indices = readAccessor(json, bin, primitive.indices!);
    const at = (values: number[], vertex: number) => [values[3 * vertex]!, values[3 * vertex + 1]!, values[3 * vertex + 2]!];
    for (let t = 0; t < indices.length; t += 3) {
      const [a, b, c] = [at(positions, indices[t]!), at(positions, indices[t + 1]!), at(positions, indices[t + 2]!)];
      const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
      const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
      const face = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
      const normal = at(normals, indices[t]!);
      expect(face[0]! * normal[0]! + face[1]! * normal[1]! + face[2]! * normal[2]!, `triangle ${t / 3}`).toBeGreaterThan(0);
    }
  });

  it('has unit normals: up on roofs, horizontal on walls', () => {
    const normals = readAccessor(json, bin, primitive.attributes.NORMAL!);
    for (let i = 0; i < normals.length; i += 3) {
      const [x, y, z] = [normals[i]!, normals[i + 1]!, normals[i + 2]!];
      expect(Math.hypot(x, y, z)).toBeCloseTo(1, 5);
      expect(y === 1 || Math.abs(y) < 1e-6).toBe(true);
    }
  });
});
