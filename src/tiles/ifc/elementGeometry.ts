/**
 * The geometry of each IFC element, gathered from the loader's chunks without copying: where its triangles and
 * vertices lie in which chunk, its bounds and its triangle count — the items the tile tree distributes.
 *
 * The chunker keeps an element's triangles contiguous (`elementRanges`) and its vertices contiguous (they are
 * appended per placed geometry), so the vertex span of a range is the span of the indices it uses.
 */
import type { IfcGeometryChunk } from '../../bim/types';
import type { Bounds } from '../tileset/bounds';
import { emptyBounds, extendBounds, isEmpty } from '../tileset/bounds';
import type { TileItem } from '../tileset/tileTree';

export interface ElementPart {
  chunk: IfcGeometryChunk;
  firstIndex: number;
  indexCount: number;
  firstVertex: number;
  vertexCount: number;
}

export interface ElementGeometry extends TileItem {
  expressId: number;
  parts: ElementPart[];
}

/** One entry per element with triangles, in order of first appearance; bounds in the chunks' frame (z up). */
export function collectElementGeometry(chunks: readonly IfcGeometryChunk[]): ElementGeometry[] {
  const byId = new Map<number, ElementGeometry>();
  for (const chunk of chunks) {
    const ranges = chunk.elementRanges;
    for (let r = 0; r + 2 < ranges.length; r += 3) {
      const expressId = ranges[r]!;
      const firstIndex = ranges[r + 1]!;
      const indexCount = ranges[r + 2]! - (ranges[r + 2]! % 3);
      if (indexCount === 0) continue;
      let element = byId.get(expressId);
      if (!element) byId.set(expressId, (element = { expressId, parts: [], bounds: emptyBounds(), triangles: 0 }));
      const part = partOf(chunk, firstIndex, indexCount);
      element.parts.push(part);
      element.triangles += indexCount / 3;
      addVertexBounds(element.bounds, chunk.positions, part.firstVertex, part.vertexCount);
    }
  }
  return [...byId.values()].filter((element) => !isEmpty(element.bounds));
}

function partOf(chunk: IfcGeometryChunk, firstIndex: number, indexCount: number): ElementPart {
  let min = Infinity;
  let max = -Infinity;
  const { indices } = chunk;
  for (let i = firstIndex; i < firstIndex + indexCount; i++) {
    const vertex = indices[i]!;
    if (vertex < min) min = vertex;
    if (vertex > max) max = vertex;
  }
  return { chunk, firstIndex, indexCount, firstVertex: min, vertexCount: max - min + 1 };
}

function addVertexBounds(bounds: Bounds, positions: Float32Array, firstVertex: number, vertexCount: number): void {
  for (let v = firstVertex; v < firstVertex + vertexCount; v++) {
    extendBounds(bounds, positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!);
  }
}
