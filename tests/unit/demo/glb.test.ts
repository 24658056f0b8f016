import validator from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { bufferViewBytes, readGlb, writeGlb } from '../../../scripts/build-demo/glb';
import type { GlbInput } from '../../../scripts/build-demo/glb';
import { decodePropertyTable } from '../../../scripts/build-demo/structuralMetadata';
import type { MetadataSchema, PropertyTableJson } from '../../../scripts/build-demo/structuralMetadata';
import { ASSETS_DIR, listFiles, readAsset } from './demoFiles';

/** Infos the validator gives for what it cannot check: the 3D Tiles extensions and the buffer views only they use. */
const EXPECTED_INFOS = new Set(['UNSUPPORTED_EXTENSION', 'UNUSED_OBJECT']);

async function validate(bytes: Uint8Array) {
  const report = await validator.validateBytes(bytes, { maxIssues: 0 });
  const unexpected = report.issues.messages.filter((message) => message.severity < 2 || !EXPECTED_INFOS.has(message.code));
  return { report, unexpected };
}

describe('demo GLB content', () => {
  const glbFiles = listFiles(ASSETS_DIR).filter((path) => path.endsWith('.glb'));

  it('has at least one GLB', () => {
    expect(glbFiles).toContain('buildings/buildings.glb');
  });

  it.each(glbFiles)('%s passes the Khronos glTF-Validator with no errors or warnings', async (path) => {
    const { report, unexpected } = await validate(new Uint8Array(readAsset(path)));
    expect(report.issues.numErrors).toBe(0);
    expect(report.issues.numWarnings).toBe(0);
    expect(unexpected).toEqual([]);
    expect(report.info?.drawCallCount).toBe(1);
  });

  it.each(glbFiles)('%s follows the GLB layout rules the 3D Tiles validator checks', (path) => {
    const bytes = new Uint8Array(readAsset(path));
    const { json, bin } = readGlb(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const jsonLength = view.getUint32(12, true);
    expect(jsonLength % 4).toBe(0);
    expect(view.getUint32(20 + jsonLength, true) % 4).toBe(0);
    expect(json.buffers).toEqual([{ byteLength: bin.length }]);
    for (const bufferView of json.bufferViews ?? []) {
      expect((bufferView.byteOffset ?? 0) % 8).toBe(0);
      expect((bufferView.byteOffset ?? 0) + bufferView.byteLength).toBeLessThanOrEqual(bin.length);
    }
    const primitive = json.meshes![0]!.primitives[0]!;
    for (const [name, accessorIndex] of Object.entries(primitive.attributes)) {
      const accessor = json.accessors![accessorIndex]!;
      const bufferView = json.bufferViews![accessor.bufferView!]!;
      expect(bufferView.target, name).toBe(34962);
      expect(bufferView.byteStride! % 4, name).toBe(0);
    }
    const position = json.accessors![primitive.attributes.POSITION!]!;
    expect(position.min).toHaveLength(3);
    expect(position.max).toHaveLength(3);
    expect(json.bufferViews![json.accessors![primitive.indices!]!.bufferView!]!.target).toBe(34963);
  });
});

describe('writeGlb', () => {
  const schema: MetadataSchema = {
    id: 'test',
    classes: {
      box: {
        properties: {
          label: { type: 'STRING', required: true },
          size: { type: 'SCALAR', componentType: 'FLOAT64', required: true },
          floors: { type: 'SCALAR', componentType: 'INT16' },
          open: { type: 'BOOLEAN' },
          kind: { type: 'ENUM', enumType: 'Kind' },
        },
      },
    },
    enums: { Kind: { valueType: 'UINT8', values: [{ name: 'small', value: 0 }, { name: 'large', value: 7 }] } },
  };
  /** Two unit squares facing up, one feature each. */
  const input: GlbInput = {
    generator: 'test',
    materials: [{ baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1 }],
    primitives: [{
      positions: new Float32Array([0, 0, 0, 1, 0, 0, 1, 0, -1, 0, 0, -1, 2, 0, 0, 3, 0, 0, 3, 0, -1, 2, 0, -1]),
      normals: new Float32Array(Array.from({ length: 8 }, () => [0, 1, 0]).flat()),
      indices: new Uint32Array([0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7]),
      featureIds: new Uint32Array([0, 0, 0, 0, 1, 1, 1, 1]),
      material: 0,
    }],
    features: {
      featureCount: 2,
      label: 'box',
      metadata: {
        schema,
        propertyTable: {
          class: 'box',
          count: 2,
          properties: { label: ['Nhà C5', ''], size: [1.5, 2.25], floors: [-1, 300], open: [true, false], kind: ['large', 'small'] },
        },
      },
    },
  };

  it('writes a valid GLB whose property table reads back', async () => {
    const bytes = writeGlb(input);
    const { report, unexpected } = await validate(bytes);
    expect(report.issues.numErrors).toBe(0);
    expect(report.issues.numWarnings).toBe(0);
    expect(unexpected).toEqual([]);

    const { json, bin } = readGlb(bytes);
    const metadata = json.extensions!.EXT_structural_metadata as { schema: MetadataSchema; propertyTables: PropertyTableJson[] };
    expect(metadata.schema).toEqual(schema);
    expect(metadata.propertyTables[0]!.properties.label).toMatchObject({ stringOffsetType: 'UINT32' });
    const columns = decodePropertyTable(metadata.schema, metadata.propertyTables[0]!, (index) => bufferViewBytes(json, bin, index));
    expect(columns).toEqual(input.features!.metadata!.propertyTable.properties);
    expect(json.meshes![0]!.primitives[0]!.extensions).toEqual({
      EXT_mesh_features: { featureIds: [{ featureCount: 2, attribute: 0, label: 'box', propertyTable: 0 }] },
    });
  });

  it('is deterministic', () => {
    expect(writeGlb(input)).toEqual(writeGlb(input));
  });

  it('refuses inconsistent input with a clear message', () => {
    const primitive = input.primitives[0]!;
    expect(() => writeGlb({ ...input, primitives: [{ ...primitive, featureIds: new Uint32Array(8).fill(2) }] })).toThrow(/feature id is ≥ featureCount/);
    expect(() => writeGlb({ ...input, primitives: [{ ...primitive, indices: new Uint32Array([0, 1, 9]) }] })).toThrow(/past the last vertex/);
    const table = input.features!.metadata!.propertyTable;
    expect(() =>
      writeGlb({ ...input, features: { ...input.features!, metadata: { schema, propertyTable: { ...table, properties: { ...table.properties, kind: ['huge', 'small'] } } } } }),
    ).toThrow(/"huge" is not a value of enum "Kind"/);
    expect(() =>
      writeGlb({ ...input, features: { ...input.features!, metadata: { schema, propertyTable: { ...table, properties: { ...table.properties, floors: [1, 40000] } } } } }),
    ).toThrow(/40000 does not fit INT16/);
  });
});
