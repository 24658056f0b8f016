/**
 * Hide, isolate and highlight by index range. A chunk's `elementRanges` lists each element's triangles as
 * (expressId, firstIndex, indexCount) triples over its contiguous run of `indices`; showing a subset of elements is
 * then a copy of whole runs into a new index buffer, with neighbouring runs merged: no vertex is touched.
 */

export function isElementVisible(
  expressId: number,
  hidden: ReadonlySet<number>,
  isolated: ReadonlySet<number> | null,
): boolean {
  return !hidden.has(expressId) && (isolated === null || isolated.has(expressId));
}

/**
 * The index runs to draw, as flat (firstIndex, indexCount) pairs: the ranges of the elements `keep` accepts, with
 * runs that touch merged so that a fully visible chunk is one run.
 */
export function indexRuns(elementRanges: Uint32Array, keep: (expressId: number) => boolean): number[] {
  const runs: number[] = [];
  for (let r = 0; r + 2 < elementRanges.length; r += 3) {
    if (!keep(elementRanges[r]!)) continue;
    const first = elementRanges[r + 1]!;
    const count = elementRanges[r + 2]!;
    const last = runs.length - 2;
    if (last >= 0 && runs[last]! + runs[last + 1]! === first) runs[last + 1]! += count;
    else runs.push(first, count);
  }
  return runs;
}

/** Number of indices the runs cover. */
export function runsLength(runs: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < runs.length; i += 2) total += runs[i]!;
  return total;
}

/** Copies the runs of `indices` to the start of `target` (each run is a memcpy); returns how many were written. */
export function gatherIndices(indices: Uint32Array, runs: readonly number[], target: Uint32Array): number {
  let at = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const first = runs[i]!;
    const count = runs[i + 1]!;
    target.set(indices.subarray(first, first + count), at);
    at += count;
  }
  return at;
}

/**
 * Splits a chunk's element ranges into opaque and see-through ones (alpha of the element's first vertex below
 * 255, e.g. glazing), so that each kind draws with its own material: transparent surfaces must not write depth.
 */
export function splitByAlpha(
  elementRanges: Uint32Array,
  indices: Uint32Array,
  colors: Uint8Array,
): { opaque: Uint32Array; transparent: Uint32Array } {
  const opaque: number[] = [];
  const transparent: number[] = [];
  for (let r = 0; r + 2 < elementRanges.length; r += 3) {
    const first = elementRanges[r + 1]!;
    const alpha = elementRanges[r + 2]! > 0 ? colors[4 * indices[first]! + 3]! : 255;
    (alpha < 255 ? transparent : opaque).push(elementRanges[r]!, first, elementRanges[r + 2]!);
  }
  return { opaque: Uint32Array.from(opaque), transparent: Uint32Array.from(transparent) };
}
