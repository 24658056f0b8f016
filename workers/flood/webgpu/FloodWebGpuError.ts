/** Why the WebGPU flood backend could not start or stopped: a value the app can branch on (`code`), with a cause. */
export type FloodWebGpuErrorCode =
  /** `navigator.gpu` is missing: no WebGPU in this browser, or not a secure context. */
  | 'no-webgpu'
  /** `requestAdapter()` gave nothing: WebGPU is blocked or no GPU (not even a software one) is usable. */
  | 'no-adapter'
  /** The adapter refused a device (or the limits this grid needs). */
  | 'no-device'
  /** The grid's arrays exceed the device's buffer limits. */
  | 'grid-too-large'
  /** A shader failed to compile or a pipeline to build (a bug, or a driver that rejects valid WGSL). */
  | 'pipeline'
  /** The device was lost (driver reset, GPU process crash, tab in background too long). */
  | 'device-lost'
  /** A WebGPU validation or out-of-memory error during a step. */
  | 'gpu-error'
  /** `advance` called after `dispose`, or while another `advance` runs. */
  | 'disposed'
  | 'busy';

export class FloodWebGpuError extends Error {
  override readonly name = 'FloodWebGpuError';

  constructor(
    readonly code: FloodWebGpuErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
