/**
 * Opens IFC files in the app: one worker per model (workers/ifc/protocol.ts), geometry into the model registry,
 * ids, status and placement into the bimStore. The main thread only routes messages: the file's bytes and every
 * chunk are transferred, never copied or looped over here.
 *
 * A watchdog ends a worker that stays silent while it has work (WORKER_UNRESPONSIVE); a worker error becomes
 * WORKER_CRASHED. Cancel is `terminate()`: web-ifc parses synchronously and could not hear a message.
 */
import { resolvePlacement } from './georef/resolvePlacement';
import { IfcLoadError } from './ifc/IfcLoadError';
import { checkFileSize } from './ifc/sniffIfcFile';
import { DEFAULT_WATCHDOG_MS, Watchdog } from './ifc/Watchdog';
import type { IdsCheckOutcome } from './ids/types';
import { ifcModels } from './modelRegistry';
import type { IfcLoadFailure, IfcPropertySetInfo } from './types';
import { useBimStore } from '../state/bimStore';
import type { BimModelStatus } from '../state/bimStore';
import type { IfcWorkerRequest, IfcWorkerResponse } from '../../workers/ifc/protocol';

/** A worker as the client drives it: a browser Worker, or worker_threads in Node (workers/ifc/nodeSpawn.ts). */
export interface IfcWorkerPort {
  post(request: IfcWorkerRequest, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (response: IfcWorkerResponse) => void): void;
  /** The worker died: an uncaught error, or (Node) an exit. */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

export interface OpenIfcOptions {
  spawn?: () => IfcWorkerPort;
  /** Silence after which a busy worker is ended (default `DEFAULT_WATCHDOG_MS`). */
  watchdogMs?: number;
}

export interface IfcLoadHandle {
  readonly id: string;
  /** Settles when loading ends: 'ready', 'failed' or 'cancelled'. */
  readonly settled: Promise<BimModelStatus>;
  /** Stops a load in progress (status 'cancelled', geometry dropped); no effect once it has ended. */
  cancel(): void;
  properties(expressId: number): Promise<IfcPropertySetInfo[]>;
  /** Checks the loaded model against an IDS 1.0 file in its worker: the report, or why the IDS was refused. */
  checkIds(idsXml: string): Promise<IdsCheckOutcome>;
  /** Frees the worker and forgets the model. */
  close(): void;
}

export type IfcSource = File | { name: string; bytes: ArrayBuffer };

function spawnBrowserWorker(): IfcWorkerPort {
  const worker = new Worker(new URL('../../workers/ifc/worker.ts', import.meta.url), { type: 'module', name: 'sao-ifc' });
  return {
    post: (request, transfer = []) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<IfcWorkerResponse>) => listener(event.data)),
    onError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'error')),
    terminate: () => worker.terminate(),
  };
}

let opened = 0;

/** Opens a file; its bytes are transferred to the worker (an ArrayBuffer passed in is detached). */
export function openIfc(source: IfcSource, options: OpenIfcOptions = {}): IfcLoadHandle {
  const id = `ifc-${++opened}-${Date.now().toString(36)}`;
  const fileBytes = source instanceof Blob ? source.size : source.bytes.byteLength;
  const store = useBimStore.getState();
  ifcModels.create(id);
  store.upsertModel({
    id,
    fileName: source.name,
    fileBytes,
    status: 'loading',
    phase: 'read',
    progress: 0,
    chunkCount: 0,
    placement: null,
    stats: null,
    failure: null,
  });
  const session = new LoadSession(id, options);
  try {
    checkFileSize(fileBytes);
    session.start(source);
  } catch (error) {
    session.fail(error instanceof IfcLoadError ? error.toFailure() : crashed(String(error)));
  }
  return session.handle();
}

type SessionStatus = BimModelStatus | 'closed';

class LoadSession {
  private port: IfcWorkerPort | null = null;
  private status: SessionStatus = 'loading';
  private chunkCount = 0;
  private readonly pending = new Map<number, Array<{ resolve: (sets: IfcPropertySetInfo[]) => void; reject: (error: Error) => void }>>();
  private readonly idsChecks = new Map<string, { resolve: (outcome: IdsCheckOutcome) => void; reject: (error: Error) => void }>();
  private idsCheckSeq = 0;
  private readonly watchdog: Watchdog;
  private settle!: (status: BimModelStatus) => void;
  private readonly settled = new Promise<BimModelStatus>((resolve) => (this.settle = resolve));

  constructor(
    private readonly id: string,
    private readonly options: OpenIfcOptions,
  ) {
    const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
    this.watchdog = new Watchdog(watchdogMs, () => this.fail(unresponsive(watchdogMs)));
  }

  start(source: IfcSource): void {
    const port = (this.options.spawn ?? spawnBrowserWorker)();
    this.port = port;
    port.onMessage((response) => this.receive(response));
    port.onError((message) => this.fail(crashed(message)));
    this.watchdog.feed();
    const send = (bytes: ArrayBuffer) => {
      if (this.port !== port) return;
      this.watchdog.feed();
      port.post({ type: 'open', id: this.id, payload: { fileName: source.name, bytes } }, [bytes]);
    };
    if (source instanceof Blob) source.arrayBuffer().then(send, (error: unknown) => this.fail(crashed(String(error))));
    else send(source.bytes);
  }

  handle(): IfcLoadHandle {
    return {
      id: this.id,
      settled: this.settled,
      cancel: () => this.cancel(),
      properties: (expressId) => this.properties(expressId),
      checkIds: (idsXml) => this.checkIds(idsXml),
      close: () => this.close(),
    };
  }

  /**
   * A load that fails drops its geometry. A ready model whose worker then dies (answering a property request)
   * keeps its geometry and shows the failure; only its properties are gone.
   */
  fail(failure: IfcLoadFailure): void {
    if (this.status !== 'loading' && this.status !== 'ready') return;
    this.endWorker(failure.message.en);
    if (this.status === 'ready') {
      useBimStore.getState().patchModel(this.id, { failure });
      return;
    }
    this.status = 'failed';
    ifcModels.delete(this.id);
    useBimStore.getState().patchModel(this.id, { status: 'failed', failure });
    this.settle('failed');
  }

  private receive(response: IfcWorkerResponse): void {
    if (this.status !== 'loading' && this.status !== 'ready') return;
    const store = useBimStore.getState();
    if (this.status === 'loading') this.watchdog.feed();
    switch (response.type) {
      case 'progress': {
        const { phase, done, total } = response.payload;
        store.patchModel(this.id, { phase, progress: done / Math.max(1, total) });
        return;
      }
      case 'header': {
        const header = response.payload;
        ifcModels.setHeader(this.id, header);
        void resolvePlacement(header.georeference, { anchor: header.geometryOffset }).then((placement) => {
          // A manual placement made meanwhile wins; a closed model takes nothing.
          if (useBimStore.getState().models[this.id]?.placement === null) store.patchModel(this.id, { placement });
        });
        return;
      }
      case 'chunk':
        ifcModels.addChunk(this.id, response.payload);
        store.patchModel(this.id, { chunkCount: ++this.chunkCount });
        return;
      case 'done':
        this.status = 'ready';
        this.watchdog.stop();
        store.patchModel(this.id, { status: 'ready', stats: response.payload, progress: 1 });
        this.settle('ready');
        return;
      case 'failed':
        this.fail(response.payload);
        return;
      case 'properties': {
        const waiting = this.pending.get(response.payload.expressId) ?? [];
        this.pending.delete(response.payload.expressId);
        for (const request of waiting) request.resolve(response.payload.sets);
        this.answered();
        return;
      }
      case 'idsReport': {
        const { checkId, outcome } = response.payload;
        this.idsChecks.get(checkId)?.resolve(outcome);
        this.idsChecks.delete(checkId);
        this.answered();
        return;
      }
    }
  }

  private properties(expressId: number): Promise<IfcPropertySetInfo[]> {
    const port = this.port;
    if (!port) return Promise.reject(new Error(`IFC model ${this.id} is ${this.status}: its properties are no longer available`));
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(expressId);
      if (waiting) return waiting.push({ resolve, reject });
      this.pending.set(expressId, [{ resolve, reject }]);
      // A ready worker is idle and unwatched: watch it again while it owes an answer.
      if (this.status === 'ready') this.watchdog.feed();
      port.post({ type: 'properties', id: this.id, payload: { expressId } });
    });
  }

  /** An IDS check runs in one synchronous call: the watchdog bounds it as it bounds a property read. */
  private checkIds(idsXml: string): Promise<IdsCheckOutcome> {
    const port = this.port;
    if (!port || this.status !== 'ready') return Promise.reject(new Error(`IFC model ${this.id} is ${this.status}: it cannot be checked`));
    const checkId = String(++this.idsCheckSeq);
    return new Promise((resolve, reject) => {
      this.idsChecks.set(checkId, { resolve, reject });
      this.watchdog.feed();
      port.post({ type: 'checkIds', id: this.id, payload: { checkId, idsXml } });
    });
  }

  /** A ready worker that owes nothing more is idle: its silence is no longer a sign of trouble. */
  private answered(): void {
    if (this.status === 'ready' && this.pending.size === 0 && this.idsChecks.size === 0) this.watchdog.stop();
  }

  private cancel(): void {
    if (this.status !== 'loading') return;
    this.status = 'cancelled';
    this.endWorker('cancelled');
    ifcModels.delete(this.id);
    useBimStore.getState().patchModel(this.id, { status: 'cancelled' });
    this.settle('cancelled');
  }

  private close(): void {
    if (this.status === 'closed') return;
    this.port?.post({ type: 'close', id: this.id, payload: null });
    if (this.status === 'loading') this.settle('cancelled');
    this.status = 'closed';
    this.endWorker('closed');
    ifcModels.delete(this.id);
    useBimStore.getState().removeModel(this.id);
  }

  private endWorker(reason: string): void {
    this.watchdog.stop();
    this.port?.terminate();
    this.port = null;
    const ended = new Error(`IFC worker ended: ${reason}`);
    for (const waiting of this.pending.values()) for (const request of waiting) request.reject(ended);
    for (const check of this.idsChecks.values()) check.reject(ended);
    this.pending.clear();
    this.idsChecks.clear();
  }
}

function unresponsive(ms: number): IfcLoadFailure {
  const seconds = Math.round(ms / 1000);
  return {
    code: 'WORKER_UNRESPONSIVE',
    message: {
      vi: `Bộ đọc IFC không phản hồi trong ${seconds} giây nên đã bị dừng. Tệp có thể chứa hình học quá phức tạp hoặc bị hỏng.`,
      en: `The IFC reader did not respond for ${seconds} seconds and was stopped. The file may hold pathologically complex or corrupt geometry.`,
    },
  };
}

function crashed(detail: string): IfcLoadFailure {
  return {
    code: 'WORKER_CRASHED',
    message: {
      vi: `Bộ đọc IFC bị lỗi và đã dừng (${detail}). Hãy thử mở lại; nếu lỗi lặp lại, tệp có thể quá lớn cho bộ nhớ của trình duyệt.`,
      en: `The IFC reader crashed (${detail}). Try opening the file again; if it happens again, the file may be too large for the browser's memory.`,
    },
  };
}
