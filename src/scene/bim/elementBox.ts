import { elementBoxes } from '../../bim/inspector/surfacePick';
import type { IfcGeometryChunk } from '../../bim/types';

/** An axis-aligned box in the chunks' frame (project metres minus `geometryOffset`). */
export interface ElementBox {
  min: [number, number, number];
  max: [number, number, number];
}

/**
 * The box around one element's geometry in every chunk that holds part of it (an element may span chunks), null
 * when it has none (a space without a body, an element filtered out). Only chunks that list the element are read.
 */
export function elementBox(chunks: readonly IfcGeometryChunk[], expressId: number): ElementBox | null {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const chunk of chunks) {
    const ranges = chunk.elementRanges;
    let boxes: Float32Array | null = null;
    for (let r = 0; r < ranges.length / 3; r++) {
      if (ranges[3 * r] !== expressId || ranges[3 * r + 2] === 0) continue;
      boxes ??= elementBoxes(chunk.positions, chunk.indices, ranges);
      for (let axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis]!, boxes[6 * r + axis]!);
        max[axis] = Math.max(max[axis]!, boxes[6 * r + 3 + axis]!);
      }
    }
  }
  return min[0] <= max[0] ? { min, max } : null;
}
