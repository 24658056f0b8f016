/**
 * The box a flight to a failing element aims at: the union of the element's ranges across chunks (a large element
 * is split where a chunk fills up), from its indexed vertices only; nothing for an element without geometry.
 */
import { describe, expect, it } from 'vitest';
import type { IfcGeometryChunk } from '../../../../src/bim/types';
import { elementBox } from '../../../../src/scene/bim/elementBox';

/** A chunk with one range per `[expressId, vertices]`, each vertex indexed once in order. */
function chunk(chunkIndex: number, ranges: [number, [number, number, number][]][]): IfcGeometryChunk {
  const positions = ranges.flatMap(([, vertices]) => vertices.flat());
  const vertexElementIds = ranges.flatMap(([id, vertices]) => vertices.map(() => id));
  const elementRanges: number[] = [];
  let first = 0;
  for (const [id, vertices] of ranges) {
    elementRanges.push(id, first, vertices.length);
    first += vertices.length;
  }
  const count = vertexElementIds.length;
  return {
    chunkIndex,
    positions: Float32Array.from(positions),
    normals: new Float32Array(count * 3),
    colors: new Uint8Array(count * 4),
    vertexElementIds: Uint32Array.from(vertexElementIds),
    indices: Uint32Array.from({ length: count }, (_, i) => i),
    elementRanges: Uint32Array.from(elementRanges),
  };
}

describe('elementBox', () => {
  it('joins an element’s ranges across chunks and leaves its neighbours out', () => {
    const wall = 42;
    const chunks = [
      chunk(0, [[7, [[-50, -50, -50], [50, 50, 50], [0, 0, 0]]], [wall, [[1, 2, 3], [4, 2, 3], [1, 6, 3]]]]),
      chunk(1, [[wall, [[1, 2, 9], [-3, 2, 3], [1, 2, 4]]], [8, [[100, 100, 100], [101, 100, 100], [100, 101, 100]]]]),
    ];
    expect(elementBox(chunks, wall)).toEqual({ min: [-3, 2, 3], max: [4, 6, 9] });
    expect(elementBox(chunks, 7)).toEqual({ min: [-50, -50, -50], max: [50, 50, 50] });
    expect(elementBox(chunks, 99)).toBeNull();
    expect(elementBox([], wall)).toBeNull();
  });
});
