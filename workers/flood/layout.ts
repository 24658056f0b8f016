/**
 * The flood state in one linear memory (SCHEME.md "Grid and storage"): the same byte layout serves the
 * TypeScript reference (an ArrayBuffer), the WASM kernel (its imported, possibly shared, memory) and the workers
 * that split rows over a SharedArrayBuffer. Each array starts on a 16-byte boundary for v128 loads.
 */

/** Bytes reserved at the start of WASM memory (AssemblyScript's own static area stays below this). */
export const MEMORY_BASE = 65536;
/** Per-thread scratch: the source table (256 f32, indexed by zone) and the four edge stages (N, E, S, W). */
const THREAD_BLOCK_BYTES = 256 * 4 + 4 * 4;
/** Zone id of an inactive cell (NODATA, wall-mode building): its source is always 0. */
export const INACTIVE_ZONE = 255;
/** Bed elevation given to inactive cells (depth 0): every face touching them has a negative flow depth. */
export const INACTIVE_BED = 1e6;

export interface FloodLayout {
  readonly nx: number;
  readonly ny: number;
  readonly threads: number;
  /** Byte offsets of each array. */
  readonly z: number;
  readonly h: number;
  readonly manning: number;
  readonly r: number;
  readonly qx: number;
  readonly qy: number;
  readonly qxe: number;
  readonly qye: number;
  readonly zone: number;
  /** Offset of thread t's block is `threadBlocks + t * THREAD_BLOCK_BYTES`. */
  readonly threadBlocks: number;
  /** WASM only: per-thread row rings of the fused sweep, `ringBytes` each (assembly/kernel.ts `configure`). */
  readonly rings: number;
  readonly ringBytes: number;
  /** WASM only: halo blocks, 2 per thread (step parity), 13 rows each (assembly/kernel.ts `exportHalo`). */
  readonly halo: number;
  /** Total bytes, from 0 (the first MEMORY_BASE bytes unused by the state). */
  readonly bytes: number;
}

/** Views of one layout over one buffer (cells row-major, row 0 north; faces as SCHEME.md). */
export interface FloodFields {
  readonly layout: FloodLayout;
  readonly z: Float32Array;
  readonly h: Float32Array;
  readonly manning: Float32Array;
  readonly r: Float32Array;
  readonly qx: Float32Array;
  readonly qy: Float32Array;
  readonly qxe: Float32Array;
  readonly qye: Float32Array;
  readonly zone: Uint8Array;
}

/** Per-thread views: the zone source table (m this step) and the edge stages (m, datum-shifted). */
export interface ThreadBlock {
  readonly source: Float32Array;
  readonly stages: Float32Array;
}

const align16 = (n: number): number => (n + 15) & ~15;

export function createLayout(nx: number, ny: number, threads = 1): FloodLayout {
  const cells = nx * ny;
  // Row stride of the fused sweep's scratch rows (floats): nx + 1 faces, rounded up to 4 lanes.
  const rowStride = (nx + 4) & ~3;
  const ring = (4 * rowStride + 4 * rowStride + 5 * (rowStride + 4)) * 4;
  let at = MEMORY_BASE;
  const take = (bytes: number): number => {
    const start = at;
    at = align16(at + bytes);
    return start;
  };
  return {
    nx,
    ny,
    threads,
    z: take(cells * 4),
    h: take(cells * 4),
    manning: take(cells * 4),
    r: take(cells * 4),
    qx: take((nx + 1) * ny * 4),
    qy: take(nx * (ny + 1) * 4),
    qxe: take((nx + 1) * ny * 4),
    qye: take(nx * (ny + 1) * 4),
    zone: take(cells),
    threadBlocks: take(threads * THREAD_BLOCK_BYTES),
    rings: take(threads * ring),
    ringBytes: ring,
    halo: take(threads * 2 * 13 * rowStride * 4),
    bytes: at,
  };
}

export function fieldsOf(buffer: ArrayBufferLike, layout: FloodLayout): FloodFields {
  const { nx, ny } = layout;
  const cells = nx * ny;
  const f32 = (offset: number, length: number): Float32Array => new Float32Array(buffer, offset, length);
  return {
    layout,
    z: f32(layout.z, cells),
    h: f32(layout.h, cells),
    manning: f32(layout.manning, cells),
    r: f32(layout.r, cells),
    qx: f32(layout.qx, (nx + 1) * ny),
    qy: f32(layout.qy, nx * (ny + 1)),
    qxe: f32(layout.qxe, (nx + 1) * ny),
    qye: f32(layout.qye, nx * (ny + 1)),
    zone: new Uint8Array(buffer, layout.zone, cells),
  };
}

export function ringOffset(layout: FloodLayout, thread: number): number {
  return layout.rings + thread * layout.ringBytes;
}

export function threadBlockOffset(layout: FloodLayout, thread: number): number {
  return layout.threadBlocks + thread * THREAD_BLOCK_BYTES;
}

export function threadBlockOf(buffer: ArrayBufferLike, layout: FloodLayout, thread: number): ThreadBlock {
  const at = threadBlockOffset(layout, thread);
  return { source: new Float32Array(buffer, at, 256), stages: new Float32Array(buffer, at + 1024, 4) };
}
