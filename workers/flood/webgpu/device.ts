/// <reference types="@webgpu/types" />
/**
 * Adapter and device for the flood kernels, with an error that says which step failed. Any adapter will do,
 * the software one included (Chromium's SwiftShader with `--enable-unsafe-webgpu` on a machine without a GPU):
 * the kernels need only core WebGPU and no optional feature.
 */
import { FloodWebGpuError } from './FloodWebGpuError';

export interface FloodDevice {
  readonly device: GPUDevice;
  /** Vendor and architecture, e.g. "google swiftshader" (what the app shows as the running backend). */
  readonly description: string;
  readonly isFallbackAdapter: boolean;
}

/**
 * Requests an adapter and a device with the adapter's full buffer limits (a 2048 × 2048 grid needs 34 MB face
 * arrays; the default binding limit is 128 MiB, larger grids need more).
 */
export async function requestFloodDevice(gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<FloodDevice> {
  if (!gpu) {
    throw new FloodWebGpuError('no-webgpu',
      'WebGPU is not available: navigator.gpu is missing (it needs a secure context — https or localhost — and a ' +
      'browser with WebGPU enabled; headless Chromium needs --enable-unsafe-webgpu).');
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (cause) {
    throw new FloodWebGpuError('no-adapter', `requestAdapter() failed: ${String(cause)}`, { cause });
  }
  if (!adapter) {
    throw new FloodWebGpuError('no-adapter',
      'No WebGPU adapter: the browser exposes WebGPU but found no usable GPU, not even a software one ' +
      '(Chromium without a GPU needs --enable-unsafe-webgpu for its SwiftShader adapter).');
  }
  const { maxStorageBufferBindingSize, maxBufferSize } = adapter.limits;
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({ requiredLimits: { maxStorageBufferBindingSize, maxBufferSize } });
  } catch (cause) {
    throw new FloodWebGpuError('no-device', `The WebGPU adapter refused a device: ${String(cause)}`, { cause });
  }
  const { vendor, architecture } = adapter.info;
  return {
    device,
    description: [vendor, architecture].filter(Boolean).join(' ') || 'unknown adapter',
    isFallbackAdapter: adapter.info.isFallbackAdapter ?? false,
  };
}
