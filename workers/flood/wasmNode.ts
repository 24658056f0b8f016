/** Node: compiles the kernel from workers/flood/generated (building it first when missing or stale). */
import { readFileSync } from 'node:fs';
// @ts-expect-error — a plain .mjs build script without type declarations
import { buildWasm } from '../../scripts/build-wasm.mjs';

let compiled: WebAssembly.Module | undefined;

export function loadFloodWasmModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(readFileSync((buildWasm as () => string)()));
  return compiled;
}
