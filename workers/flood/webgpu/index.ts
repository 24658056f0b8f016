/**
 * The WebGPU (WGSL compute) flood backend: SCHEME.md's passes as compute shaders behind the `FloodRunner` contract.
 *
 * - `createWebGpuRunner(setup, cells, options?)` → a runner with `advance(t)`, `fields` (filled at each output
 *   time), `totals()`, `gaugePeaks()` and `dispose()`, like `createInProcessRunner`.
 * - `requestFloodDevice()` → an adapter's device, or a `FloodWebGpuError` whose `code` says what is missing.
 */
export { createWebGpuRunner } from './WebGpuFloodRunner';
export type { WebGpuFloodRunner, WebGpuRunnerOptions } from './WebGpuFloodRunner';
export { requestFloodDevice } from './device';
export type { FloodDevice } from './device';
export { FloodWebGpuError } from './FloodWebGpuError';
export type { FloodWebGpuErrorCode } from './FloodWebGpuError';
export { DEFAULT_WORKGROUP } from './pipelines';
export type { WorkgroupSize } from './pipelines';
