/// <reference types="@webgpu/types" />
/**
 * The WGSL backend behind the `FloodRunner` contract (workers/flood/runner.ts): the same step driver as
 * stepper.ts — host f64 time, CFL Δt from the previous step's maximum depth and largest face signal speed
 * (SCHEME.md "Time step"), sources integrated on the host by forcing.ts — with the four passes of SCHEME.md on the
 * GPU. Everything GPU-side (pipelines, bind groups, buffers) is created once; a step writes two small uniforms,
 * records one compute pass and reads back 8 bytes (the maximum depth and face speed, which set the next Δt). Depth, effective discharges and diagnostics come back at output times
 * only, into `fields`, where the results accumulator samples them as it does for the other backends.
 */
import type { FloodRunner, GaugePeaks, RunSetup } from '../runner';
import type { CellArrays } from '../state';
import { loadState, maxDepthOf } from '../state';
import type { Totals } from '../stepper';
import { cflTimeStep } from '../stepper';
import { createStepSources, stepSources } from '../forcing';
import type { FloodFields } from '../layout';
import { createLayout, fieldsOf } from '../layout';
import { FloodWebGpuError } from './FloodWebGpuError';
import type { FloodBuffers } from './buffers';
import { MAXIMA_BYTES, STEP_BYTES, createFloodBuffers, frameOffsets } from './buffers';
import { requestFloodDevice } from './device';
import type { FloodPipelines, PassName, WorkgroupSize } from './pipelines';
import { DEFAULT_WORKGROUP, PASS_ORDER, createFloodPipelines } from './pipelines';

export interface WebGpuRunnerOptions {
  /** A device to share (e.g. with the renderer); it is not destroyed by `dispose`. By default one is requested. */
  device?: GPUDevice;
  workgroup?: WorkgroupSize;
}

export interface WebGpuFloodRunner extends Omit<FloodRunner, 'backend'> {
  readonly backend: 'webgpu';
  readonly device: GPUDevice;
  /** Bytes of GPU buffers held; 0 after `dispose`. */
  readonly gpuBytes: number;
  /**
   * Benchmarks only: records `steps` steps at the current Δt in one submission, with no per-step read-back of the
   * maxima, and resolves with the wall seconds. This is what a GPU-resident Δt would cost; it advances the
   * state but not the clock or the totals, so the runner is not usable for results afterwards.
   */
  timeUnsyncedSteps(steps: number): Promise<number>;
}

interface Dispatch {
  pipeline: GPUComputePipeline;
  group: GPUBindGroup;
  x: number;
  y: number;
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

function bindGroups(device: GPUDevice, pipelines: FloodPipelines, b: FloodBuffers): Record<PassName, GPUBindGroup> {
  const storage: Record<PassName, GPUBuffer[]> = {
    momentum: [b.z, b.h, b.manning, b.qe, b.q, b.maxima],
    limiter: [b.h, b.q, b.r],
    continuity: [b.h, b.r, b.q, b.qe, b.zone, b.deficit, b.maxima],
    inflow: [b.inflowIndex, b.inflowDepth, b.h, b.maxima],
    diagnostics: [b.z, b.h, b.qe, b.edgeVolume, b.gaugeCell, b.gaugePeak],
  };
  const group = (name: PassName): GPUBindGroup => device.createBindGroup({
    label: `flood ${name}`,
    layout: pipelines.passes[name].layout,
    entries: storage[name].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  return { momentum: group('momentum'), limiter: group('limiter'), continuity: group('continuity'),
    inflow: group('inflow'), diagnostics: group('diagnostics') };
}

/** The dispatches of one step, in SCHEME.md order, sized once. */
function dispatches(setup: RunSetup, pipelines: FloodPipelines, b: FloodBuffers, groups: Record<PassName, GPUBindGroup>): Dispatch[] {
  const { x, y, linear } = pipelines.workgroup;
  const { nx, ny } = setup;
  const size: Record<PassName, [number, number]> = {
    momentum: [ceilDiv(nx + 1, x), ceilDiv(ny + 1, y)],
    limiter: [ceilDiv(nx, x), ceilDiv(ny, y)],
    continuity: [ceilDiv(nx, x), ceilDiv(ny, y)],
    inflow: [ceilDiv(b.counts.inflowCells, linear), 1],
    diagnostics: [ceilDiv(b.counts.edgeFaces + b.counts.gauges, linear), 1],
  };
  return PASS_ORDER.filter((name) => size[name][0] > 0).map((name) => ({
    pipeline: pipelines.passes[name].pipeline, group: groups[name], x: size[name][0], y: size[name][1],
  }));
}

export async function createWebGpuRunner(setup: RunSetup, cells: CellArrays, options: WebGpuRunnerOptions = {}): Promise<WebGpuFloodRunner> {
  const ownsDevice = !options.device;
  const device = options.device ?? (await requestFloodDevice()).device;
  let failure: FloodWebGpuError | null = null;
  void device.lost.then((info) => {
    if (info.reason !== 'destroyed') failure ??= new FloodWebGpuError('device-lost', `WebGPU device lost: ${info.message}`);
  });
  device.addEventListener('uncapturederror', (event) => {
    failure ??= new FloodWebGpuError('gpu-error', `WebGPU error in the flood kernels: ${event.error.message}`, { cause: event.error });
  });

  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let pipelines: FloodPipelines;
  let buffers: FloodBuffers;
  try {
    pipelines = await createFloodPipelines(device, options.workgroup ?? DEFAULT_WORKGROUP);
    buffers = createFloodBuffers(device, setup, cells, 0);
  } catch (error) {
    await device.popErrorScope();
    await device.popErrorScope();
    if (ownsDevice) device.destroy();
    throw error;
  }
  const validation = await device.popErrorScope();
  const memory = await device.popErrorScope();
  if (validation || memory) {
    buffers.destroy();
    if (ownsDevice) device.destroy();
    throw new FloodWebGpuError(memory ? 'grid-too-large' : 'pipeline', `setting up the flood kernels failed: ${(validation ?? memory)!.message}`);
  }
  const steps = dispatches(setup, pipelines, buffers, bindGroups(device, pipelines, buffers));
  const frameGroup = device.createBindGroup({
    label: 'flood frame',
    layout: pipelines.frameLayout,
    entries: [{ binding: 0, resource: { buffer: buffers.grid } }, { binding: 1, resource: { buffer: buffers.step } }],
  });

  // Host state: the fields the results sampler reads, and the step parameters, both reused every step.
  const layout = createLayout(setup.nx, setup.ny, 1);
  const fields: FloodFields = fieldsOf(new ArrayBuffer(layout.bytes), layout);
  loadState(fields, cells);
  const stepData = new ArrayBuffer(STEP_BYTES);
  const stepHead = new Float32Array(stepData, 0, 4);
  const sources = createStepSources(setup.forcing, {
    stages: new Float32Array(stepData, 16, 4),
    source: new Float32Array(stepData, 32, 256),
  });
  const inflowDepth = new Float32Array(Math.max(buffers.counts.inflows, 1));
  const commands: GPUCommandBuffer[] = [];
  const totals: Totals = { steps: 0, rain: 0, drainage: 0, inflow: 0, outflow: 0, deficit: 0 };
  const gaugePeaks: GaugePeaks = {
    stage: Float64Array.from(setup.gaugeCells, (k) => Math.fround(fields.z[k]! + fields.h[k]!)),
    time: new Float64Array(setup.gaugeCells.length),
  };
  const { dx } = setup.forcing;
  let t = 0;
  let hMax = maxDepthOf(fields);
  // Largest face signal speed |q|/hf + √(g·hf) of the last step (SCHEME.md "Time step"; 0 before the first).
  let speedMax = 0;
  let running = false;
  let disposed = false;

  const check = (): void => {
    if (disposed) throw new FloodWebGpuError('disposed', 'the WebGPU flood runner was disposed');
    if (failure) throw failure;
  };

  const recordStep = (encoder: GPUCommandEncoder): void => {
    encoder.clearBuffer(buffers.maxima);
    const pass = encoder.beginComputePass({ label: 'flood step' });
    pass.setBindGroup(0, frameGroup);
    for (const d of steps) {
      pass.setPipeline(d.pipeline);
      pass.setBindGroup(1, d.group);
      pass.dispatchWorkgroups(d.x, d.y);
    }
    pass.end();
  };

  const submit = (encoder: GPUCommandEncoder): void => {
    commands[0] = encoder.finish();
    device.queue.submit(commands);
  };

  /** Maps a read-back buffer, turning a lost device into the runner's error. */
  const map = async (buffer: GPUBuffer): Promise<ArrayBuffer> => {
    try {
      await buffer.mapAsync(GPUMapMode.READ);
    } catch (cause) {
      check();
      throw new FloodWebGpuError('gpu-error', `reading flood results back failed: ${String(cause)}`, { cause });
    }
    return buffer.getMappedRange();
  };

  /** One step of SCHEME.md: Δt and sources on the host, passes A–D and diagnostics on the GPU. */
  const step = async (dt: number, tEnd: number): Promise<void> => {
    stepSources(setup.forcing, t, dt, sources);
    stepHead[0] = dt;
    stepHead[1] = dt / dx;
    stepHead[2] = tEnd;
    stepHead[3] = tEnd - Math.fround(tEnd);
    device.queue.writeBuffer(buffers.step, 0, stepData);
    if (buffers.counts.inflows > 0) {
      inflowDepth.set(sources.inflowDepth);
      device.queue.writeBuffer(buffers.inflowDepth, 0, inflowDepth);
    }
    const encoder = device.createCommandEncoder();
    recordStep(encoder);
    encoder.copyBufferToBuffer(buffers.maxima, 0, buffers.maximaRead, 0, MAXIMA_BYTES);
    submit(encoder);
    const maxima = new Float32Array(await map(buffers.maximaRead), 0, 2);
    hMax = maxima[0]!;
    speedMax = maxima[1]!;
    buffers.maximaRead.unmap();
    totals.rain += sources.rainVolume;
    totals.drainage += sources.drainageVolume;
    totals.inflow += sources.inflowVolume;
    totals.steps++;
  };

  /** Copies depth, effective discharges and diagnostics into `fields`, `totals` and `gaugePeaks`. */
  const readFrame = async (): Promise<void> => {
    const at = frameOffsets(buffers.counts);
    const { cells: n, faces, edgeFaces, gauges, xFaces } = buffers.counts;
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(buffers.h, 0, buffers.frameRead, at.h, n * 4);
    encoder.copyBufferToBuffer(buffers.qe, 0, buffers.frameRead, at.qe, faces * 4);
    encoder.copyBufferToBuffer(buffers.deficit, 0, buffers.frameRead, at.deficit, n * 4);
    encoder.copyBufferToBuffer(buffers.edgeVolume, 0, buffers.frameRead, at.edge, edgeFaces * 8);
    if (gauges > 0) encoder.copyBufferToBuffer(buffers.gaugePeak, 0, buffers.frameRead, at.gauge, gauges * 16);
    submit(encoder);
    const frame = await map(buffers.frameRead);
    fields.h.set(new Float32Array(frame, at.h, n));
    fields.qxe.set(new Float32Array(frame, at.qe, xFaces));
    fields.qye.set(new Float32Array(frame, at.qe + xFaces * 4, faces - xFaces));
    let deficit = 0;
    for (const d of new Float32Array(frame, at.deficit, n)) deficit += d;
    totals.deficit = deficit * dx * dx;
    // Kahan pairs: the sum and its compensation (the rounding already added too much).
    const edge = new Float32Array(frame, at.edge, edgeFaces * 2);
    let outflow = 0;
    for (let e = 0; e < edgeFaces; e++) outflow += edge[2 * e]! - edge[2 * e + 1]!;
    totals.outflow = outflow;
    const peaks = new Float32Array(frame, at.gauge, gauges * 4);
    for (let g = 0; g < gauges; g++) {
      gaugePeaks.stage[g] = peaks[4 * g]!;
      gaugePeaks.time[g] = peaks[4 * g + 1]! + peaks[4 * g + 2]!;
    }
    buffers.frameRead.unmap();
  };

  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    check();
    if (running) throw new FloodWebGpuError('busy', 'the WebGPU flood runner is already advancing');
    running = true;
    try {
      return await work();
    } finally {
      running = false;
    }
  };

  return {
    backend: 'webgpu',
    threads: 1,
    device,
    fields,
    get t() {
      return t;
    },
    get gpuBytes() {
      return buffers.bytes;
    },
    advance: (tTarget) => exclusive(async () => {
      if (t >= tTarget) return;
      while (t < tTarget) {
        // stepper.ts advanceBand, line for line: land exactly on the output time.
        const raw = cflTimeStep(setup.numerics, dx, hMax, speedMax);
        const lands = t + raw >= tTarget;
        const dt = Math.fround(lands ? tTarget - t : raw);
        const tEnd = lands ? tTarget : t + dt;
        await step(dt, tEnd);
        check();
        t = tEnd;
      }
      await readFrame();
      check();
    }),
    totals: () => ({ ...totals }),
    gaugePeaks: () => gaugePeaks,
    timeUnsyncedSteps: (count) => exclusive(async () => {
      const dt = Math.fround(cflTimeStep(setup.numerics, dx, hMax, speedMax));
      stepSources(setup.forcing, t, dt, sources);
      stepHead[0] = dt;
      stepHead[1] = dt / dx;
      device.queue.writeBuffer(buffers.step, 0, stepData);
      const start = performance.now();
      const encoder = device.createCommandEncoder();
      for (let s = 0; s < count; s++) recordStep(encoder);
      encoder.copyBufferToBuffer(buffers.maxima, 0, buffers.maximaRead, 0, MAXIMA_BYTES);
      submit(encoder);
      await map(buffers.maximaRead);
      buffers.maximaRead.unmap();
      check();
      return (performance.now() - start) / 1000;
    }),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      buffers.destroy();
      if (ownsDevice) device.destroy();
    },
  };
}
