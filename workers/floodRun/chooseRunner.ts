/**
 * Picks the flood backend for this browser: WebGPU on a hardware adapter (the GPU engineer's runner), else the
 * WASM kernel on a pool of band workers over one shared memory (needs cross-origin isolation for
 * SharedArrayBuffer), else the WASM kernel on this worker's thread (the TypeScript reference where memory cannot be shared). A software adapter (SwiftShader, what
 * Chromium offers without a GPU) is slower than WASM on the CPU it emulates, so 'auto' passes it over;
 * 'webgpu' takes any adapter.
 */
import type { FloodRunner, RunSetup } from '../flood/runner';
import { createInProcessRunner } from '../flood/runner';
import { createPoolRunner } from '../flood/pool';
import type { WorkerPort } from '../flood/pool';
import type { FloodRequest, FloodResponse } from '../flood/protocol';
import type { CellArrays } from '../flood/state';
import { FLOOD_WASM_URL } from '../flood/wasm';
import type { BackendPreference, StartedPayload } from './protocol';

export interface ChosenRunner {
  /** The runner as `runFlood` takes it (the WebGPU runner has the same contract with backend 'webgpu'). */
  runner: FloodRunner;
  backend: StartedPayload['backend'];
  detail: string;
}

function spawnBandWorker(): WorkerPort {
  const worker = new Worker(new URL('../flood/worker.ts', import.meta.url), { type: 'module', name: 'sao-flood-band' });
  return {
    post: (message: FloodRequest) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<FloodResponse>) => listener(event.data)),
    terminate: () => worker.terminate(),
  };
}

async function compileKernel(): Promise<WebAssembly.Module> {
  const response = await fetch(FLOOD_WASM_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${FLOOD_WASM_URL.href}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

async function tryWebGpu(setup: RunSetup, cells: CellArrays, preference: BackendPreference): Promise<ChosenRunner | null> {
  if (!('gpu' in navigator) || !navigator.gpu) return null;
  const { createWebGpuRunner, requestFloodDevice } = await import('../flood/webgpu/index');
  try {
    const adapter = await requestFloodDevice();
    if (adapter.isFallbackAdapter && preference === 'auto') {
      adapter.device.destroy();
      return null;
    }
    const runner = await createWebGpuRunner(setup, cells, { device: adapter.device });
    return { runner: runner as unknown as FloodRunner, backend: 'webgpu', detail: adapter.description };
  } catch (error) {
    if (preference === 'webgpu') throw error;
    return null;
  }
}

export async function chooseRunner(setup: RunSetup, cells: CellArrays, preference: BackendPreference): Promise<ChosenRunner> {
  if (preference === 'auto' || preference === 'webgpu') {
    const gpu = await tryWebGpu(setup, cells, preference);
    if (gpu) return gpu;
  }
  const threads = Math.max(1, navigator.hardwareConcurrency || 1);
  const canShare = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const module = canShare ? await compileKernel() : undefined;
  if (module && preference !== 'wasm' && threads > 1) {
    const runner = await createPoolRunner(setup, cells, module, threads, spawnBandWorker);
    return { runner, backend: 'wasm', detail: 'WASM SIMD' };
  }
  // The kernel's memory is declared shared, which a page without cross-origin isolation cannot create.
  if (!module) return { runner: createInProcessRunner(setup, cells, 'reference'), backend: 'reference', detail: 'TypeScript' };
  return { runner: createInProcessRunner(setup, cells, 'wasm', module), backend: 'wasm', detail: 'WASM SIMD' };
}
