/**
 * A small, generic glTF 2.0 binary (GLB) writer and reader: triangle primitives with POSITION, NORMAL, optional
 * vertex colours and an optional per-vertex feature id, one mesh on one node, PBR materials (opaque or blended),
 * and — when features are given — the EXT_mesh_features / EXT_structural_metadata extensions that 3D Tiles 1.1
 * uses for per-feature metadata. Used by the demo-city builder and by ifc2tiles (src/tiles/ifc).
 *
 * Layout rules followed (glTF 2.0 §3.6 and §4.4, EXT_structural_metadata §"Binary Data Storage"), besides those of
 * the container (./glbContainer.ts):
 * - vertex attributes carry `target` ARRAY_BUFFER and an explicit `byteStride`, indices ELEMENT_ARRAY_BUFFER;
 * - POSITION has exact `min`/`max` (computed from the stored float32 values).
 * Output is deterministic: same input, same bytes.
 */
import { TilesError } from '../TilesError';
import { encodePropertyTable } from '../metadata/propertyTable';
import type { MetadataSchema, PropertyTableInput } from '../metadata/propertyTable';
import { assembleGlb, CHUNK_BIN, CHUNK_JSON, GL, GLB_MAGIC, GlbBody } from './glbContainer';

export interface GlbPrimitive {
  /** x, y, z per vertex, metres, glTF y-up. */
  positions: Float32Array;
  /** Unit normals, x, y, z per vertex. */
  normals?: Float32Array;
  /** Linear RGBA per vertex, 0–255 (COLOR_0, multiplied by the material's base colour). */
  colors?: Uint8Array;
  /** Counter-clockwise triangles. */
  indices: Uint32Array;
  /** Feature id of each vertex (0 ≤ id < featureCount); required when the asset has features. */
  featureIds?: Uint32Array;
  material: number;
}

export interface GlbMaterial {
  name?: string;
  /** Linear RGBA. */
  baseColorFactor: readonly [number, number, number, number];
  metallicFactor: number;
  roughnessFactor: number;
  doubleSided?: boolean;
  /** glTF's default is OPAQUE: alpha is then ignored. */
  alphaMode?: 'OPAQUE' | 'BLEND';
}

export interface GlbFeatures {
  featureCount: number;
  /** EXT_mesh_features `label`: an identifier naming the feature id set. */
  label?: string;
  /** Per-feature properties; row i belongs to feature id i. */
  metadata?: { schema: MetadataSchema; propertyTable: PropertyTableInput };
}

export interface GlbInput {
  generator: string;
  copyright?: string;
  materials: readonly GlbMaterial[];
  primitives: readonly GlbPrimitive[];
  features?: GlbFeatures;
}

/** The JSON part of a glTF asset, loosely typed: readers check what they use. */
export type GltfJson = Record<string, unknown> & {
  accessors?: { bufferView?: number; componentType: number; count: number; type: string; byteOffset?: number; min?: number[]; max?: number[] }[];
  bufferViews?: { buffer: number; byteOffset?: number; byteLength: number; byteStride?: number; target?: number }[];
  meshes?: { primitives: { attributes: Record<string, number>; indices?: number; material?: number; mode?: number; extensions?: Record<string, unknown> }[] }[];
  extensions?: Record<string, unknown>;
};

export function writeGlb(input: GlbInput): Uint8Array {
  const bin = new GlbBody();
  const accessors: object[] = [];
  const features = input.features;
  if (features && !(Number.isInteger(features.featureCount) && features.featureCount >= 1)) {
    fail(`featureCount must be a positive integer, got ${features.featureCount}`, `featureCount phải là số nguyên dương, nhận ${features.featureCount}`);
  }

  const primitives = input.primitives.map((primitive, index) => {
    const vertexCount = checkPrimitive(primitive, index, input.materials.length, features?.featureCount);
    const attributes: Record<string, number> = {};
    attributes.POSITION = accessors.push({
      bufferView: bin.addView(float32Bytes(primitive.positions), { target: GL.ARRAY_BUFFER, byteStride: 12 }),
      componentType: GL.FLOAT,
      count: vertexCount,
      type: 'VEC3',
      ...minMax(primitive.positions),
    }) - 1;
    if (primitive.normals) {
      attributes.NORMAL = accessors.push({
        bufferView: bin.addView(float32Bytes(primitive.normals), { target: GL.ARRAY_BUFFER, byteStride: 12 }),
        componentType: GL.FLOAT,
        count: vertexCount,
        type: 'VEC3',
      }) - 1;
    }
    if (primitive.colors) {
      attributes.COLOR_0 = accessors.push({
        bufferView: bin.addView(primitive.colors, { target: GL.ARRAY_BUFFER, byteStride: 4 }),
        componentType: GL.UNSIGNED_BYTE,
        normalized: true,
        count: vertexCount,
        type: 'VEC4',
      }) - 1;
    }
    let extensions: object | undefined;
    if (features) {
      const { bytes, componentType, byteStride } = featureIdBytes(primitive.featureIds!, features.featureCount);
      attributes._FEATURE_ID_0 = accessors.push({
        bufferView: bin.addView(bytes, { target: GL.ARRAY_BUFFER, byteStride }),
        componentType,
        count: vertexCount,
        type: 'SCALAR',
      }) - 1;
      extensions = {
        EXT_mesh_features: {
          featureIds: [{
            featureCount: features.featureCount,
            attribute: 0,
            ...(features.label === undefined ? {} : { label: features.label }),
            ...(features.metadata ? { propertyTable: 0 } : {}),
          }],
        },
      };
    }
    const wide = vertexCount - 1 >= 0xffff; // 65535 is the primitive-restart value of UNSIGNED_SHORT indices
    const indices = accessors.push({
      bufferView: bin.addView(wide ? uint32Bytes(primitive.indices) : uint16Bytes(primitive.indices), { target: GL.ELEMENT_ARRAY_BUFFER }),
      componentType: wide ? GL.UNSIGNED_INT : GL.UNSIGNED_SHORT,
      count: primitive.indices.length,
      type: 'SCALAR',
    }) - 1;
    return { attributes, indices, material: primitive.material, mode: GL.TRIANGLES, ...(extensions ? { extensions } : {}) };
  });

  const metadata = features?.metadata;
  const rootExtensions = metadata
    ? {
        EXT_structural_metadata: {
          schema: metadata.schema,
          propertyTables: [encodePropertyTable(metadata.schema, metadata.propertyTable, (bytes) => bin.addView(bytes, {}))],
        },
      }
    : undefined;
  if (metadata && metadata.propertyTable.count !== features!.featureCount) {
    fail(
      `the property table has ${metadata.propertyTable.count} rows for ${features!.featureCount} features`,
      `bảng thuộc tính có ${metadata.propertyTable.count} hàng cho ${features!.featureCount} đối tượng`,
    );
  }

  const body = bin.finish();
  const gltf = {
    asset: { version: '2.0', generator: input.generator, ...(input.copyright === undefined ? {} : { copyright: input.copyright }) },
    ...(features ? { extensionsUsed: metadata ? ['EXT_mesh_features', 'EXT_structural_metadata'] : ['EXT_mesh_features'] } : {}),
    ...(rootExtensions ? { extensions: rootExtensions } : {}),
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives }],
    materials: input.materials.map((material) => ({
      ...(material.name === undefined ? {} : { name: material.name }),
      pbrMetallicRoughness: {
        baseColorFactor: [...material.baseColorFactor],
        metallicFactor: material.metallicFactor,
        roughnessFactor: material.roughnessFactor,
      },
      ...(material.doubleSided ? { doubleSided: true } : {}),
      ...(material.alphaMode === 'BLEND' ? { alphaMode: 'BLEND' } : {}),
    })),
    accessors,
    bufferViews: bin.views,
    buffers: [{ byteLength: body.length }],
  };
  return assembleGlb(gltf, body);
}

/** Splits a GLB into its JSON and BIN chunks (glTF 2.0 §4.4); throws on anything malformed. */
export function readGlb(bytes: Uint8Array): { json: GltfJson; bin: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 20 || view.getUint32(0, true) !== GLB_MAGIC || view.getUint32(4, true) !== 2) {
    fail('not a glTF 2.0 binary (bad header)', 'không phải glTF 2.0 nhị phân (header sai)');
  }
  if (view.getUint32(8, true) !== bytes.length) fail('GLB length field does not match the file size', 'độ dài GLB không khớp kích thước tệp');
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON) fail('the first GLB chunk is not JSON', 'chunk GLB đầu tiên không phải JSON');
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as GltfJson;
  const binStart = 20 + jsonLength;
  if (binStart === bytes.length) return { json, bin: new Uint8Array(0) };
  if (view.getUint32(binStart + 4, true) !== CHUNK_BIN) fail('the second GLB chunk is not BIN', 'chunk GLB thứ hai không phải BIN');
  const binLength = view.getUint32(binStart, true);
  return { json, bin: bytes.subarray(binStart + 8, binStart + 8 + binLength) };
}

/** The bytes of one buffer view of a GLB's BIN chunk. */
export function bufferViewBytes(json: GltfJson, bin: Uint8Array, index: number): Uint8Array {
  const bufferView = json.bufferViews?.[index];
  if (!bufferView) fail(`buffer view ${index} does not exist`, `buffer view ${index} không tồn tại`);
  const start = bufferView!.byteOffset ?? 0;
  return bin.subarray(start, start + bufferView!.byteLength);
}

function checkPrimitive(primitive: GlbPrimitive, index: number, materialCount: number, featureCount: number | undefined): number {
  const where = `primitive ${index}`;
  const vertexCount = primitive.positions.length / 3;
  if (!Number.isInteger(vertexCount) || vertexCount === 0) fail(`${where}: positions must hold x, y, z triples`, `${where}: positions phải là các bộ x, y, z`);
  if (!primitive.positions.every(Number.isFinite)) fail(`${where}: a position is not finite`, `${where}: có vị trí không hữu hạn`);
  if (primitive.normals && primitive.normals.length !== primitive.positions.length) fail(`${where}: one normal per vertex is required`, `${where}: cần một pháp tuyến cho mỗi đỉnh`);
  if (primitive.colors && primitive.colors.length !== 4 * vertexCount) fail(`${where}: one RGBA colour per vertex is required`, `${where}: cần một màu RGBA cho mỗi đỉnh`);
  if (primitive.indices.length === 0 || primitive.indices.length % 3 !== 0) fail(`${where}: indices must form triangles`, `${where}: indices phải tạo thành tam giác`);
  if (primitive.indices.some((vertex) => vertex >= vertexCount)) fail(`${where}: an index is past the last vertex`, `${where}: có chỉ số vượt quá đỉnh cuối`);
  if (!(primitive.material >= 0 && primitive.material < materialCount)) fail(`${where}: material ${primitive.material} does not exist`, `${where}: vật liệu ${primitive.material} không tồn tại`);
  if (featureCount !== undefined) {
    const ids = primitive.featureIds;
    if (!ids || ids.length !== vertexCount) fail(`${where}: one feature id per vertex is required`, `${where}: cần một feature id cho mỗi đỉnh`);
    if (ids!.some((id) => id >= featureCount)) fail(`${where}: a feature id is ≥ featureCount (${featureCount})`, `${where}: có feature id ≥ featureCount (${featureCount})`);
  }
  return vertexCount;
}

/**
 * Feature ids in the narrowest exact type (EXT_mesh_features allows any non-normalized SCALAR); 1- and 2-byte ids
 * get a 4-byte stride so every vertex element stays 4-byte aligned (glTF 2.0 §3.6.2.4).
 */
function featureIdBytes(ids: Uint32Array, featureCount: number): { bytes: Uint8Array; componentType: number; byteStride: number } {
  const view = new DataView(new ArrayBuffer(4 * ids.length));
  if (featureCount <= 0x100) {
    ids.forEach((id, i) => view.setUint8(4 * i, id));
    return { bytes: new Uint8Array(view.buffer), componentType: GL.UNSIGNED_BYTE, byteStride: 4 };
  }
  if (featureCount <= 0x10000) {
    ids.forEach((id, i) => view.setUint16(4 * i, id, true));
    return { bytes: new Uint8Array(view.buffer), componentType: GL.UNSIGNED_SHORT, byteStride: 4 };
  }
  if (featureCount > 0x1000000) fail('more than 2^24 features cannot be stored exactly as float ids', 'hơn 2^24 đối tượng không thể lưu chính xác dưới dạng id số thực');
  ids.forEach((id, i) => view.setFloat32(4 * i, id, true));
  return { bytes: new Uint8Array(view.buffer), componentType: GL.FLOAT, byteStride: 4 };
}

function minMax(positions: Float32Array): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i++) {
    const axis = i % 3;
    min[axis] = Math.min(min[axis]!, positions[i]!);
    max[axis] = Math.max(max[axis]!, positions[i]!);
  }
  return { min, max };
}

function float32Bytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(4 * values.length));
  values.forEach((value, i) => view.setFloat32(4 * i, value, true));
  return new Uint8Array(view.buffer);
}

function uint16Bytes(values: Uint32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(2 * values.length));
  values.forEach((value, i) => view.setUint16(2 * i, value, true));
  return new Uint8Array(view.buffer);
}

function uint32Bytes(values: Uint32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(4 * values.length));
  values.forEach((value, i) => view.setUint32(4 * i, value, true));
  return new Uint8Array(view.buffer);
}

function fail(en: string, vi: string): never {
  throw new TilesError('INVALID_CONTENT', { en: `GLB: ${en}`, vi: `GLB: ${vi}` });
}
