/**
 * The WASM kernel behind the `FloodKernel` interface: one instance per thread over one (shared) memory laid out
 * by layout.ts. Compiling the bytes is the caller's business (Node reads the file: wasmNode.ts; a browser
 * fetches `FLOOD_WASM_URL`), so this file runs anywhere.
 */
import type { FloodKernel, KernelConstants, StepResult } from './kernel';
import type { FloodLayout } from './layout';
import { ringOffset, threadBlockOffset } from './layout';

/** Where the compiled kernel lives next to this file (built by scripts/build-wasm.mjs). */
export const FLOOD_WASM_URL = new URL('./generated/flood-kernel.wasm', import.meta.url);

interface KernelExports {
  configure(...args: number[]): void;
  step(j0: number, j1: number, dt: number, parity: number): number;
  exportHalo(j0: number, j1: number, parity: number): void;
  lastDeficit(): number;
  lastSpeed(): number;
}

const PAGE = 65536;

/** A memory for a layout; shared (a SharedArrayBuffer) so workers can split the rows. */
export function createFloodMemory(layout: FloodLayout): WebAssembly.Memory {
  const pages = Math.ceil(layout.bytes / PAGE);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
}

/** Instantiates the kernel for one thread (its source table and stages are that thread's block). */
export function instantiateFloodKernel(
  module: WebAssembly.Module, memory: WebAssembly.Memory, layout: FloodLayout, c: KernelConstants, thread: number,
): FloodKernel {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const wasm = instance.exports as unknown as KernelExports;
  const [kN, kE, kS, kW] = c.boundary;
  wasm.configure(layout.nx, layout.ny, c.dx, c.g, c.theta, c.hEps, c.froudeCap, layout.z, layout.h, layout.manning,
    layout.qxe, layout.qye, layout.zone, threadBlockOffset(layout, thread),
    kN ?? 0, kE ?? 0, kS ?? 0, kW ?? 0, thread, ringOffset(layout, thread), layout.halo);
  const result: StepResult = { hMax: 0, speed: 0, deficit: 0 };
  return {
    name: 'wasm',
    step: (j0, j1, dt, parity) => {
      result.hMax = wasm.step(j0, j1, dt, parity);
      result.deficit = wasm.lastDeficit();
      result.speed = wasm.lastSpeed();
      return result;
    },
    exportHalo: (j0, j1, parity) => {
      if (j0 > 0 || j1 < layout.ny) wasm.exportHalo(j0, j1, parity);
    },
  };
}
