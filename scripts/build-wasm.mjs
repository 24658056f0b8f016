#!/usr/bin/env node
// Compiles the AssemblyScript flood kernel (workers/flood/assembly/kernel.ts) to workers/flood/generated/
// flood-kernel.wasm with 128-bit SIMD and an imported, shared memory (so several workers can share one state).
// `buildWasm()` is synchronous and idempotent: it compiles only when the output is missing or older than a source.
// Run as a script (`npm run build:wasm`) it always compiles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'workers', 'flood', 'assembly');
export const FLOOD_WASM = join(root, 'workers', 'flood', 'generated', 'flood-kernel.wasm');
/** 1 GiB: the most a shared memory may grow to (a 4096 × 4096 grid needs about 550 MB). */
export const MAXIMUM_MEMORY_PAGES = 16384;

function isStale() {
  if (!existsSync(FLOOD_WASM)) return true;
  const built = statSync(FLOOD_WASM).mtimeMs;
  const sources = readdirSync(sourceDir).map((name) => join(sourceDir, name));
  return [...sources, fileURLToPath(import.meta.url)].some((path) => statSync(path).mtimeMs > built);
}

/** Builds the kernel when missing or stale (or always with `force`); returns the .wasm path. */
export function buildWasm({ force = false } = {}) {
  if (!force && !isStale()) return FLOOD_WASM;
  mkdirSync(dirname(FLOOD_WASM), { recursive: true });
  const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  execFileSync(process.execPath, [
    asc, join(sourceDir, 'kernel.ts'),
    '--outFile', FLOOD_WASM,
    '-O3', '--noAssert', '--enable', 'simd,threads', '--runtime', 'stub',
    '--importMemory', '--sharedMemory', '--maximumMemory', String(MAXIMUM_MEMORY_PAGES),
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return FLOOD_WASM;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.error(`[sao] built ${buildWasm({ force: true })}`);
}
