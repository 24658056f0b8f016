/// <reference types="@webgpu/types" />
/**
 * The five compute pipelines of a flood step and their bind-group layouts, declared once per device and grid
 * shape (webgpu-samples style: `.wgsl` beside this file, `override` workgroup sizes, explicit layouts).
 * Group 0 (the run's constants and the step's parameters) is shared by every pass; group 1 holds the pass's
 * storage buffers, at most seven, under WebGPU's default limit of eight per stage.
 */
import common from './common.wgsl?raw';
import continuity from './continuity.wgsl?raw';
import diagnostics from './diagnostics.wgsl?raw';
import inflow from './inflow.wgsl?raw';
import limiter from './limiter.wgsl?raw';
import momentum from './momentum.wgsl?raw';
import { FloodWebGpuError } from './FloodWebGpuError';

export type PassName = 'momentum' | 'limiter' | 'continuity' | 'inflow' | 'diagnostics';

/** The passes of one step, in order (SCHEME.md "One time step, in order"; diagnostics read the result). */
export const PASS_ORDER: readonly PassName[] = ['momentum', 'limiter', 'continuity', 'inflow', 'diagnostics'];

type Access = 'read' | 'read-write';

/** Group 1 of each pass: its storage buffers in binding order, as its `.wgsl` declares them. */
const PASSES: Record<PassName, { source: string; bindings: readonly Access[]; shape: '2d' | '1d' }> = {
  // z, h, manning, qe → q, maxima (face speed)
  momentum: { source: momentum, bindings: ['read', 'read', 'read', 'read', 'read-write', 'read-write'], shape: '2d' },
  // h, q → r
  limiter: { source: limiter, bindings: ['read', 'read', 'read-write'], shape: '2d' },
  // h, r, q, qe, zone, deficit, maxima (depth)
  continuity: {
    source: continuity, bindings: ['read-write', 'read', 'read', 'read-write', 'read', 'read-write', 'read-write'], shape: '2d',
  },
  // inflowIndex, inflowDepth, h, maxima (depth)
  inflow: { source: inflow, bindings: ['read', 'read', 'read-write', 'read-write'], shape: '1d' },
  // z, h, qe, edgeVolume, gaugeCell, gaugePeak
  diagnostics: { source: diagnostics, bindings: ['read', 'read', 'read', 'read-write', 'read', 'read-write'], shape: '1d' },
};

export interface WorkgroupSize {
  /** Cell and face passes: x × y invocations (x·y ≤ 256, the default limit). */
  x: number;
  y: number;
  /** List passes (inflow cells, edge faces and gauges). */
  linear: number;
}

export const DEFAULT_WORKGROUP: WorkgroupSize = { x: 16, y: 16, linear: 64 };

export interface FloodPass {
  readonly name: PassName;
  readonly layout: GPUBindGroupLayout;
  readonly pipeline: GPUComputePipeline;
}

export interface FloodPipelines {
  readonly frameLayout: GPUBindGroupLayout;
  readonly passes: Record<PassName, FloodPass>;
  readonly workgroup: WorkgroupSize;
}

function storageLayout(device: GPUDevice, name: PassName, bindings: readonly Access[]): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label: `flood ${name}`,
    entries: bindings.map((access, binding) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type: access === 'read' ? 'read-only-storage' : 'storage' },
    })),
  });
}

async function compile(device: GPUDevice, name: PassName, code: string): Promise<GPUShaderModule> {
  const module = device.createShaderModule({ label: `flood ${name}.wgsl`, code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    const lines = errors.map((m) => `${name}.wgsl:${m.lineNum}:${m.linePos} ${m.message}`).join('\n');
    throw new FloodWebGpuError('pipeline', `flood shader ${name}.wgsl does not compile:\n${lines}`);
  }
  return module;
}

export async function createFloodPipelines(device: GPUDevice, workgroup: WorkgroupSize = DEFAULT_WORKGROUP): Promise<FloodPipelines> {
  const frameLayout = device.createBindGroupLayout({
    label: 'flood frame',
    entries: [0, 1].map((binding) => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' as const } })),
  });
  const build = async (name: PassName): Promise<FloodPass> => {
    const { source, bindings, shape } = PASSES[name];
    const layout = storageLayout(device, name, bindings);
    const module = await compile(device, name, `${common}\n${source}`);
    const constants: Record<string, number> =
      shape === '2d' ? { WG_X: workgroup.x, WG_Y: workgroup.y } : { WG: workgroup.linear };
    try {
      const pipeline = await device.createComputePipelineAsync({
        label: `flood ${name}`,
        layout: device.createPipelineLayout({ bindGroupLayouts: [frameLayout, layout] }),
        compute: { module, entryPoint: 'main', constants },
      });
      return { name, layout, pipeline };
    } catch (cause) {
      throw new FloodWebGpuError('pipeline', `flood pipeline ${name} could not be built: ${String(cause)}`, { cause });
    }
  };
  const built = await Promise.all(PASS_ORDER.map(build));
  const passes = Object.fromEntries(built.map((pass) => [pass.name, pass])) as Record<PassName, FloodPass>;
  return { frameLayout, passes, workgroup };
}
