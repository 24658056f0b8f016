/**
 * IFC geometry chunks → one glb for Cesium's `Model`: positions, normals, per-vertex colours, indices, and a
 * feature id per vertex (EXT_mesh_features) indexing a property table of expressIds (EXT_structural_metadata),
 * so that Cesium picks single elements and a custom shader can hide or highlight them by feature id.
 *
 * Runs on the main thread while a model streams in, so it only copies and walks arrays once each: attribute
 * bytes are the chunks' own typed arrays (every browser is little-endian, the byte order glTF prescribes), one
 * pass gives feature ids, one pass splits the triangles into an opaque and a translucent primitive (glTF's
 * alphaMode is per material, IFC's transparency per surface style), one pass gives POSITION's min/max.
 *
 * Positions stay in IFC's z-up project frame (metres minus the header's geometryOffset): the view loads the glb
 * with `upAxis: Z, forwardAxis: X`, for which Cesium applies no axis correction.
 */
import type { IfcGeometryChunk } from '../../bim/types';
import { assembleGlb, GL, GlbBody } from '../../tiles/gltf/glbContainer';

export interface ChunkGlb {
  glb: Uint8Array;
  /** expressId of each feature id (the property table's one column, kept here so a pick needs no lookup). */
  featureExpressIds: Uint32Array;
  /** Bounds of the positions, chunk frame (project metres minus geometryOffset). */
  min: [number, number, number];
  max: [number, number, number];
  triangles: number;
}

/** Above this count feature ids would lose exactness as float32 (the attribute type every reader accepts). */
const MAX_FEATURES = 1 << 24;

/** Builds one glb from consecutive chunks of a model; null when they hold no triangle. */
export function chunksToGlb(chunks: readonly IfcGeometryChunk[]): ChunkGlb | null {
  const positions = concat(chunks.map((c) => c.positions), Float32Array);
  const vertexCount = positions.length / 3;
  if (vertexCount === 0) return null;
  const normals = concat(chunks.map((c) => c.normals), Float32Array);
  const colors = concat(chunks.map((c) => c.colors), Uint8Array);
  const { featureIds, featureExpressIds } = featureIdsOf(chunks, vertexCount);
  const { opaque, translucent } = splitByAlpha(chunks, colors);
  if (opaque.length + translucent.length === 0) return null;

  const body = new GlbBody();
  const accessors: object[] = [];
  const bounds = boundsOf(positions);
  const attribute = (array: Float32Array | Uint8Array, type: 'VEC3' | 'VEC4' | 'SCALAR', extra: object = {}): number => {
    const componentType = array instanceof Float32Array ? GL.FLOAT : GL.UNSIGNED_BYTE;
    const byteStride = array.BYTES_PER_ELEMENT * (type === 'VEC3' ? 3 : type === 'VEC4' ? 4 : 1);
    const bufferView = body.addView(bytesOf(array), { target: GL.ARRAY_BUFFER, byteStride });
    return accessors.push({ bufferView, componentType, count: vertexCount, type, ...extra }) - 1;
  };
  const attributes = {
    POSITION: attribute(positions, 'VEC3', { min: bounds.min, max: bounds.max }),
    NORMAL: attribute(normals, 'VEC3'),
    COLOR_0: attribute(colors, 'VEC4', { normalized: true }),
    _FEATURE_ID_0: attribute(featureIds, 'SCALAR'),
  };
  const featureCount = featureExpressIds.length;
  const meshFeatures = { EXT_mesh_features: { featureIds: [{ featureCount, attribute: 0, propertyTable: 0 }] } };
  const primitives = [opaque, translucent].flatMap((indices, material) => {
    if (indices.length === 0) return [];
    const bufferView = body.addView(bytesOf(indices), { target: GL.ELEMENT_ARRAY_BUFFER });
    const accessor = accessors.push({ bufferView, componentType: GL.UNSIGNED_INT, count: indices.length, type: 'SCALAR' }) - 1;
    return [{ attributes, indices: accessor, material, mode: GL.TRIANGLES, extensions: meshFeatures }];
  });
  const expressIdView = body.addView(bytesOf(featureExpressIds), {});
  const bin = body.finish();

  const surface = { pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1 }, doubleSided: true };
  const gltf = {
    asset: { version: '2.0', generator: 'Sao IFC view' },
    extensionsUsed: ['EXT_mesh_features', 'EXT_structural_metadata'],
    extensions: {
      EXT_structural_metadata: {
        schema: { id: 'sao_ifc', classes: { element: { properties: { expressId: { type: 'SCALAR', componentType: 'UINT32', required: true } } } } },
        propertyTables: [{ class: 'element', count: featureCount, properties: { expressId: { values: expressIdView } } }],
      },
    },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives }],
    // IFC wall thicknesses and openings are not consistently wound: both faces are drawn.
    materials: [surface, { ...surface, alphaMode: 'BLEND' }],
    accessors,
    bufferViews: body.views,
    buffers: [{ byteLength: bin.length }],
  };
  return { glb: assembleGlb(gltf, bin), featureExpressIds, ...bounds, triangles: (opaque.length + translucent.length) / 3 };
}

function concat<T extends Float32Array | Uint8Array>(arrays: T[], Type: { new (length: number): T }): T {
  if (arrays.length === 1) return arrays[0]!;
  const out = new Type(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
}

function bytesOf(array: Float32Array | Uint8Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Feature ids 0…n−1 in order of first appearance; vertices of one element are contiguous, so lookups are rare. */
function featureIdsOf(chunks: readonly IfcGeometryChunk[], vertexCount: number): { featureIds: Float32Array; featureExpressIds: Uint32Array } {
  const featureIds = new Float32Array(vertexCount);
  const index = new Map<number, number>();
  const expressIds: number[] = [];
  let last = -1;
  let lastFeature = 0;
  let v = 0;
  for (const chunk of chunks) {
    const ids = chunk.vertexElementIds;
    for (let i = 0; i < ids.length; i++, v++) {
      const id = ids[i]!;
      if (id !== last) {
        let feature = index.get(id);
        if (feature === undefined) {
          feature = expressIds.push(id) - 1;
          index.set(id, feature);
        }
        last = id;
        lastFeature = feature;
      }
      featureIds[v] = lastFeature;
    }
  }
  if (expressIds.length > MAX_FEATURES) throw new RangeError(`${expressIds.length} elements in one glb (at most ${MAX_FEATURES})`);
  return { featureIds, featureExpressIds: Uint32Array.from(expressIds) };
}

/** Triangles whose first vertex is not fully opaque go to the translucent primitive; indices rebased per chunk. */
function splitByAlpha(chunks: readonly IfcGeometryChunk[], colors: Uint8Array): { opaque: Uint32Array; translucent: Uint32Array } {
  let translucentCount = 0;
  let total = 0;
  let base = 0;
  for (const chunk of chunks) {
    const { indices } = chunk;
    for (let t = 0; t + 2 < indices.length; t += 3) if (colors[4 * (indices[t]! + base) + 3]! < 255) translucentCount += 3;
    total += indices.length - (indices.length % 3);
    base += chunk.positions.length / 3;
  }
  const opaque = new Uint32Array(total - translucentCount);
  const translucent = new Uint32Array(translucentCount);
  let o = 0;
  let tr = 0;
  base = 0;
  for (const chunk of chunks) {
    const { indices } = chunk;
    for (let t = 0; t + 2 < indices.length; t += 3) {
      const a = indices[t]! + base;
      const out = colors[4 * a + 3]! < 255 ? translucent : opaque;
      const at = out === opaque ? (o += 3) - 3 : (tr += 3) - 3;
      out[at] = a;
      out[at + 1] = indices[t + 1]! + base;
      out[at + 2] = indices[t + 2]! + base;
    }
    base += chunk.positions.length / 3;
  }
  return { opaque, translucent };
}

function boundsOf(positions: Float32Array): { min: [number, number, number]; max: [number, number, number] } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let axis = 0; axis < 3; axis++) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = axis; i < positions.length; i += 3) {
      const value = positions[i]!;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    min[axis] = low;
    max[axis] = high;
  }
  return { min, max };
}
