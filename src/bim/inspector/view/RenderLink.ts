/**
 * The page's end of the render worker: the canvas it draws on (its control transferred to the worker) and the
 * messages to it. Kept across views like a renderer would be: the next view takes the same worker and canvas, with
 * the shaders already compiled, and only a second view open at the same time starts a worker of its own.
 */
import type { RenderRequest, RenderResponse } from './renderProtocol';

type Payload<T extends RenderRequest['type']> = Extract<RenderRequest, { type: T }>['payload'];

let idle: RenderLink | null = null;
let leases = 0;

export class RenderLink {
  readonly canvas = document.createElement('canvas');
  private readonly worker = new Worker(new URL('./renderWorker.ts', import.meta.url), { type: 'module', name: 'inspector-render' });
  private id = 0;
  /** Counts on across leases: the worker's frames report the last request they show. */
  private seq = 0;
  private listener: ((response: RenderResponse) => void) | null = null;

  /** The kept link or a new one; `listener` hears this lease's responses only. */
  static lease(listener: (response: RenderResponse) => void): RenderLink {
    const kept = idle;
    idle = null;
    const link = kept ?? new RenderLink();
    link.id = ++leases;
    link.listener = listener;
    return link;
  }

  private constructor() {
    this.worker.onmessage = ({ data }: MessageEvent<RenderResponse>) => {
      if (data.id === this.id) this.listener?.(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.listener?.({ type: 'failed', id: this.id, payload: { name: 'Error', message: event.message } });
    };
    const canvas = this.canvas.transferControlToOffscreen();
    this.send('init', { canvas, pixelRatio: Math.min(window.devicePixelRatio, 2) }, [canvas]);
  }

  /** Posts a request; returns its sequence number (a `drawn` response with that number or more shows it). */
  send<T extends RenderRequest['type']>(type: T, payload: Payload<T>, transfer: Transferable[] = []): number {
    const seq = ++this.seq;
    this.worker.postMessage({ type, id: this.id, seq, payload }, transfer);
    return seq;
  }

  /**
   * The view is done: the worker drops the model now (its GPU memory too) and the link is kept for the next view
   * (canvas detached), or ended if one is kept already.
   */
  release(): void {
    this.send('reset', null);
    this.listener = null;
    this.canvas.remove();
    if (idle === null) idle = this;
    else this.worker.terminate();
  }
}
