import validator from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { bufferViewBytes, readGlb } from '../../../scripts/build-demo/glb';
import type { GltfJson } from '../../../scripts/build-demo/glb';
import type { IfcGeometryChunk } from '../../../src/bim/types';
import { chunksToGlb } from '../../../src/scene/bim/chunkGlb';

/** A chunk of quads (two triangles each), one element per quad, side by side along x. */
function quads(chunkIndex: number, elements: { expressId: number; alpha: number; x: number }[]): IfcGeometryChunk {
  const positions: number[] = [];
  const colors: number[] = [];
  const ids: number[] = [];
  const indices: number[] = [];
  const ranges: number[] = [];
  for (const { expressId, alpha, x } of elements) {
    const base = positions.length / 3;
    ranges.push(expressId, indices.length, 6);
    positions.push(x, 0, 0, x + 1, 0, 0, x + 1, 1, 0, x, 1, 0);
    for (let v = 0; v < 4; v++) {
      colors.push(200, 100, 50, alpha);
      ids.push(expressId);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return {
    chunkIndex,
    positions: Float32Array.from(positions),
    normals: Float32Array.from(positions.map((_, i) => (i % 3 === 2 ? 1 : 0))),
    colors: Uint8Array.from(colors),
    vertexElementIds: Uint32Array.from(ids),
    indices: Uint32Array.from(indices),
    elementRanges: Uint32Array.from(ranges),
  };
}

function accessorValues(json: GltfJson, bin: Uint8Array, index: number): number[] {
  const accessor = json.accessors![index]!;
  const bytes = bufferViewBytes(json, bin, accessor.bufferView!);
  const copy = bytes.slice();
  const Type = accessor.componentType === 5126 ? Float32Array : accessor.componentType === 5125 ? Uint32Array : Uint8Array;
  return [...new Type(copy.buffer)];
}

describe('chunksToGlb (IFC chunks → a glb Cesium draws and picks per element)', () => {
  const chunks = [
    quads(0, [{ expressId: 101, alpha: 255, x: 0 }, { expressId: 102, alpha: 128, x: 2 }]),
    quads(1, [{ expressId: 103, alpha: 255, x: 4 }, { expressId: 101, alpha: 255, x: 6 }]),
  ];
  const built = chunksToGlb(chunks)!;

  it('passes the Khronos glTF-Validator (which knows neither metadata extension, nor so the property table\'s view)', async () => {
    const report = await validator.validateBytes(built.glb, { maxIssues: 0 });
    expect(report.issues.numErrors).toBe(0);
    expect(report.issues.numWarnings).toBe(0);
    const { json } = readGlb(built.glb);
    const tableView = (json.extensions!.EXT_structural_metadata as { propertyTables: { properties: { expressId: { values: number } } }[] })
      .propertyTables[0]!.properties.expressId.values;
    const expected = (m: { code: string; pointer?: string }) =>
      m.code === 'UNSUPPORTED_EXTENSION' || (m.code === 'UNUSED_OBJECT' && m.pointer === `/bufferViews/${tableView}`);
    expect(report.issues.messages.filter((m) => !expected(m))).toEqual([]);
    expect(report.info?.totalTriangleCount).toBe(8);
  });

  it('gives each element one feature id, the same across chunks, and a property table of expressIds', () => {
    const { json, bin } = readGlb(built.glb);
    expect([...built.featureExpressIds]).toEqual([101, 102, 103]);
    const primitive = json.meshes![0]!.primitives[0]!;
    const featureIds = accessorValues(json, bin, primitive.attributes._FEATURE_ID_0!);
    // Vertices 0–3: #101, 4–7: #102, 8–11: #103, 12–15: #101 again (second chunk).
    expect(featureIds).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0]);
    const metadata = json.extensions!.EXT_structural_metadata as { propertyTables: { count: number; properties: { expressId: { values: number } } }[] };
    const table = metadata.propertyTables[0]!;
    expect(table.count).toBe(3);
    expect([...new Uint32Array(bufferViewBytes(json, bin, table.properties.expressId.values).slice().buffer)]).toEqual([101, 102, 103]);
  });

  it('puts translucent surfaces in a primitive of their own (alphaMode BLEND) and rebases the second chunk\'s indices', () => {
    const { json, bin } = readGlb(built.glb);
    const [opaque, translucent] = json.meshes![0]!.primitives;
    const materials = json.materials as { alphaMode?: string }[];
    expect(materials[opaque!.material!]!.alphaMode).toBeUndefined();
    expect(materials[translucent!.material!]!.alphaMode).toBe('BLEND');
    expect(accessorValues(json, bin, translucent!.indices!)).toEqual([4, 5, 6, 4, 6, 7]);
    expect(accessorValues(json, bin, opaque!.indices!)).toEqual([0, 1, 2, 0, 2, 3, 8, 9, 10, 8, 10, 11, 12, 13, 14, 12, 14, 15]);
  });

  it('reports the bounds of what it drew', () => {
    expect(built.min).toEqual([0, 0, 0]);
    expect(built.max).toEqual([7, 1, 0]);
    expect(built.triangles).toBe(8);
  });

  it('leaves the chunks it reads intact (the registry keeps them for the inspector)', () => {
    expect([...chunks[1]!.indices]).toEqual([0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7]);
  });

  it('returns null for chunks without triangles', () => {
    expect(chunksToGlb([])).toBeNull();
  });
});
