/// <reference types="@webgpu/types" />
/**
 * The GPU state of one run, created once and reused by every step (SCHEME.md "Grid and storage"):
 * cell arrays, the raw and effective face discharges (x faces then y faces in one buffer each: raw ↔ effective is
 * the scheme's ping-pong), the step's maxima (depth, face speed), the per-run constants, the step's parameters, and the
 * diagnostics (edge volumes, gauge peaks, deficit). `FloodBuffers.destroy` frees them all.
 */
import type { RunSetup } from '../runner';
import type { CellArrays } from '../state';
import { FloodWebGpuError } from './FloodWebGpuError';

/** Bytes of the `Step` uniform (common.wgsl): dt, dtdx, tHi, tLo, stage vec4, source array<vec4, 64>. */
export const STEP_BYTES = 16 + 16 + 256 * 4;
const GRID_BYTES = 64;
/** The step's maxima read back after every step: depth and face signal speed, f32 bits each. */
export const MAXIMA_BYTES = 8;

export interface FloodBuffers {
  readonly grid: GPUBuffer;
  readonly step: GPUBuffer;
  readonly z: GPUBuffer;
  readonly h: GPUBuffer;
  readonly manning: GPUBuffer;
  readonly zone: GPUBuffer;
  readonly r: GPUBuffer;
  /** Raw discharges q: (nx + 1)·ny x faces, then nx·(ny + 1) y faces. */
  readonly q: GPUBuffer;
  /** Effective discharges qe, same layout. */
  readonly qe: GPUBuffer;
  readonly deficit: GPUBuffer;
  /**
   * Two u32: the bits of this step's maximum depth and of its largest face signal speed (atomicMax; both ≥ 0),
   * which set the next Δt (SCHEME.md "Time step").
   */
  readonly maxima: GPUBuffer;
  readonly inflowIndex: GPUBuffer;
  readonly inflowDepth: GPUBuffer;
  readonly edgeVolume: GPUBuffer;
  readonly gaugeCell: GPUBuffer;
  readonly gaugePeak: GPUBuffer;
  /** Host-mappable copies: the maxima (8 bytes, every step) and the output frame (at output times). */
  readonly maximaRead: GPUBuffer;
  readonly frameRead: GPUBuffer;
  readonly counts: FloodCounts;
  /** Bytes held on the device; 0 once destroyed. */
  bytes: number;
  destroy(): void;
}

export interface FloodCounts {
  readonly cells: number;
  readonly xFaces: number;
  readonly faces: number;
  readonly edgeFaces: number;
  readonly gauges: number;
  readonly inflows: number;
  /** Distinct cells fed by inflows. */
  readonly inflowCells: number;
}

/** Byte offsets of the output frame in `frameRead`: depth, effective discharges, deficit, edge volumes, gauges. */
export function frameOffsets(counts: FloodCounts): { h: number; qe: number; deficit: number; edge: number; gauge: number; bytes: number } {
  const h = 0;
  const qe = h + counts.cells * 4;
  const deficit = qe + counts.faces * 4;
  const edge = deficit + counts.cells * 4;
  const gauge = edge + counts.edgeFaces * 8;
  return { h, qe, deficit, edge, gauge, bytes: gauge + Math.max(counts.gauges, 1) * 16 };
}

/**
 * Inflow cells grouped by cell (so that two inflows sharing a cell never race): the distinct cells, m + 1 offsets,
 * then the inflow ids of each cell in inflow order (inflow.wgsl).
 */
function inflowIndexOf(setup: RunSetup): { index: Uint32Array; cells: number } {
  const byCell = new Map<number, number[]>();
  setup.forcing.inflows.forEach((inflow, id) => {
    for (const k of inflow.cells) {
      const ids = byCell.get(k) ?? [];
      ids.push(id);
      byCell.set(k, ids);
    }
  });
  const cells = [...byCell.keys()];
  const ids = cells.flatMap((k) => byCell.get(k)!);
  const offsets = [0];
  for (const k of cells) offsets.push(offsets[offsets.length - 1]! + byCell.get(k)!.length);
  return { index: Uint32Array.from([...cells, ...offsets, ...ids]), cells: cells.length };
}

function gridConstants(setup: RunSetup, counts: FloodCounts): ArrayBuffer {
  const data = new ArrayBuffer(GRID_BYTES);
  const u32 = new Uint32Array(data);
  const f32 = new Float32Array(data);
  const { constants: c } = setup;
  u32[0] = setup.nx;
  u32[1] = setup.ny;
  f32[2] = c.dx;
  f32[3] = c.g;
  f32[4] = c.theta;
  f32[5] = c.hEps;
  u32[6] = counts.edgeFaces;
  u32[7] = counts.gauges;
  u32[8] = counts.inflowCells;
  u32[9] = counts.xFaces;
  f32[10] = c.froudeCap;
  u32.set(c.boundary.slice(0, 4), 12);
  return data;
}

export function createFloodBuffers(device: GPUDevice, setup: RunSetup, cells: CellArrays, t0: number): FloodBuffers {
  const { nx, ny } = setup;
  const inflow = inflowIndexOf(setup);
  const counts: FloodCounts = {
    cells: nx * ny,
    xFaces: (nx + 1) * ny,
    faces: (nx + 1) * ny + nx * (ny + 1),
    edgeFaces: 2 * (nx + ny),
    gauges: setup.gaugeCells.length,
    inflows: setup.forcing.inflows.length,
    inflowCells: inflow.cells,
  };
  const limit = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  if (counts.faces * 4 > limit) {
    throw new FloodWebGpuError('grid-too-large',
      `a ${nx} × ${ny} grid needs ${counts.faces * 4} bytes of face discharges in one buffer; this device allows ${limit}`);
  }
  const all: GPUBuffer[] = [];
  const { STORAGE, COPY_SRC, COPY_DST, UNIFORM, MAP_READ } = GPUBufferUsage;
  const make = (label: string, bytes: number, usage: number, data?: ArrayBufferView | ArrayBuffer): GPUBuffer => {
    // Sizes round up to 16 bytes (a vec4 array, or 4 u8 zones per word); empty lists still need a binding.
    const buffer = device.createBuffer({ label: `flood ${label}`, size: Math.max(16, Math.ceil(bytes / 16) * 16), usage });
    if (data instanceof ArrayBuffer) device.queue.writeBuffer(buffer, 0, data);
    else if (data) device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    all.push(buffer);
    return buffer;
  };
  const cellBytes = counts.cells * 4;
  const storage = STORAGE | COPY_DST;
  const zone = new Uint8Array(Math.ceil(counts.cells / 4) * 4);
  zone.set(cells.zone);
  const gaugePeak = new Float32Array(Math.max(counts.gauges, 1) * 4);
  setup.gaugeCells.forEach((k, g) => {
    gaugePeak[g * 4] = cells.z[k]! + cells.h[k]!;
    gaugePeak[g * 4 + 1] = t0;
    gaugePeak[g * 4 + 2] = t0 - Math.fround(t0);
  });
  const buffers = {
    grid: make('grid', GRID_BYTES, UNIFORM | COPY_DST, gridConstants(setup, counts)),
    step: make('step', STEP_BYTES, UNIFORM | COPY_DST),
    z: make('z', cellBytes, storage, cells.z),
    h: make('h', cellBytes, storage | COPY_SRC, cells.h),
    manning: make('manning', cellBytes, storage, cells.manning),
    zone: make('zone', zone.byteLength, storage, zone),
    r: make('r', cellBytes, storage, new Float32Array(counts.cells).fill(1)),
    q: make('q', counts.faces * 4, STORAGE),
    qe: make('qe', counts.faces * 4, STORAGE | COPY_SRC),
    deficit: make('deficit', cellBytes, STORAGE | COPY_SRC),
    maxima: make('maxima', MAXIMA_BYTES, STORAGE | COPY_SRC | COPY_DST),
    inflowIndex: make('inflow index', inflow.index.byteLength, storage, inflow.index),
    inflowDepth: make('inflow depth', counts.inflows * 4, storage),
    edgeVolume: make('edge volume', counts.edgeFaces * 8, STORAGE | COPY_SRC),
    gaugeCell: make('gauge cells', counts.gauges * 4, storage, Uint32Array.from(setup.gaugeCells)),
    gaugePeak: make('gauge peaks', gaugePeak.byteLength, storage | COPY_SRC, gaugePeak),
    maximaRead: make('maxima read', MAXIMA_BYTES, MAP_READ | COPY_DST),
    frameRead: make('frame read', frameOffsets(counts).bytes, MAP_READ | COPY_DST),
  };
  return {
    ...buffers,
    counts,
    bytes: all.reduce((sum, b) => sum + b.size, 0),
    destroy() {
      for (const buffer of all) buffer.destroy();
      this.bytes = 0;
    },
  };
}
