/**
 * The main thread's handle on sensor ingestion: starts the worker, keeps it in step with the configured sources
 * (`sensorStore.sources`), applies its batches (one store update and one registry append per batch, so 2,000
 * messages/s cost the main thread a few small tasks a second), answers history queries and relays rule alerts.
 *
 * ```ts
 * sensorClient.start();                                  // on entering Vận hành
 * sensorClient.setRules(ruleSet);                        // parsed with parseRuleSet
 * const off = sensorClient.onAlerts((events) => …);
 * const { times, values } = await sensorClient.history(id, { from, to });
 * ```
 */
import { useSensorStore } from '../state/sensorStore';
import type { SensorWorkerRequest, SensorWorkerResponse } from '../../workers/sensors/protocol';
import type { SeriesWindow } from './ingest/observationRing';
import { observationRegistry } from './observationRegistry';
import type { AlertEvent, RuleSet } from './rules';
import type { SensorSourceConfig } from './sources/sourceConfig';

/** The part of a Worker the client uses, so tests can run the worker's runtime in-process. */
export interface SensorWorkerPort {
  postMessage(message: SensorWorkerRequest): void;
  onmessage: ((event: { data: SensorWorkerResponse }) => void) | null;
  terminate(): void;
}

export type AlertListener = (events: AlertEvent[]) => void;

function spawnBrowserWorker(): SensorWorkerPort {
  return new Worker(new URL('../../workers/sensors/worker.ts', import.meta.url), { type: 'module', name: 'sao-sensors' }) as unknown as SensorWorkerPort;
}

/** Where the replay assets are served: `assets/demo/sensors` is the app's `demo/sensors/`. */
const defaultAssetBaseUrl = (): string => new URL('demo/sensors/', new URL(import.meta.env?.BASE_URL ?? '/', globalThis.location?.href ?? 'http://localhost/')).href;

export class SensorClient {
  private worker: SensorWorkerPort | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly alertListeners = new Set<AlertListener>();
  private readonly pending = new Map<string, { resolve(window: SeriesWindow): void; reject(error: Error): void }>();
  private nextQuery = 0;
  private ruleSet: Pick<RuleSet, 'rules'> | null = null;

  constructor(
    private readonly spawn: () => SensorWorkerPort = spawnBrowserWorker,
    private readonly assetBaseUrl: () => string = defaultAssetBaseUrl,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  /** Starts ingestion with the configured sources; follows later changes to them. Idempotent. */
  start(): void {
    if (this.worker) return;
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (event) => this.receive(event.data);
    this.post({ type: 'sources', id: 'sources', payload: { sources: useSensorStore.getState().sources, assetBaseUrl: this.assetBaseUrl() } });
    if (this.ruleSet) this.post({ type: 'rules', id: 'rules', payload: { ruleSet: this.ruleSet } });
    this.unsubscribe = useSensorStore.subscribe((state, previous) => {
      if (state.sources !== previous.sources) this.post({ type: 'sources', id: 'sources', payload: { sources: state.sources, assetBaseUrl: this.assetBaseUrl() } });
    });
  }

  /** Stops every source and the worker; the configuration stays, live data is cleared. */
  stop(): void {
    if (!this.worker) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.post({ type: 'stop', id: 'stop', payload: null });
    // Give the worker a moment to send DISCONNECT (the broker keeps the session either way).
    const worker = this.worker;
    setTimeout(() => worker.terminate(), 500);
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error('sensor ingestion stopped'));
    this.pending.clear();
    observationRegistry.clear();
    useSensorStore.getState().clearLive();
  }

  /** Replaces the configured sources (saved locally); the worker restarts only those that changed. */
  setSources(sources: SensorSourceConfig[]): void {
    useSensorStore.getState().setSources(sources);
  }

  setRules(ruleSet: Pick<RuleSet, 'rules'>): void {
    this.ruleSet = ruleSet;
    this.post({ type: 'rules', id: 'rules', payload: { ruleSet } });
  }

  onAlerts(listener: AlertListener): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  /** A datastream's observations between two phenomenon times, from the worker's ring buffer. */
  history(datastreamId: string, range: { from: number; to: number }): Promise<SeriesWindow> {
    if (!this.worker) return Promise.resolve(observationRegistry.series(datastreamId, range.from, range.to));
    const id = `history-${this.nextQuery++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'history', id, payload: { datastreamId, ...range } });
    });
  }

  private post(message: SensorWorkerRequest): void {
    this.worker?.postMessage(message);
  }

  private receive(message: SensorWorkerResponse): void {
    switch (message.type) {
      case 'batch':
        observationRegistry.remove(message.payload.removed);
        observationRegistry.append(message.payload.series);
        useSensorStore.getState().applyBatch(message.payload);
        break;
      case 'alerts':
        for (const listener of this.alertListeners) listener(message.payload);
        break;
      case 'sourceError':
        useSensorStore.getState().setSourceError(message.payload.sourceId, message.payload.message);
        break;
      case 'history':
        this.pending.get(message.id)?.resolve({ times: message.payload.times, values: message.payload.values });
        this.pending.delete(message.id);
        break;
      case 'error': {
        const query = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (query) query.reject(Object.assign(new Error(message.payload.message), { name: message.payload.name }));
        else console.error(`[sensors] ${message.payload.name}: ${message.payload.message}`);
        break;
      }
    }
  }
}

export const sensorClient = new SensorClient();
