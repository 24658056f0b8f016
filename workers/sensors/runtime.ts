/**
 * The sensor worker's logic, free of the worker global so Node runs it too (tests, the benchmark): sources write
 * into one `Ingestor`; every `batchIntervalMs` the runtime drains it, runs the rule engine on the new observations
 * and posts one batch; every second it checks staleness and ticks the rules.
 */
import { Ingestor } from '../../src/sensors/ingest/ingestor';
import { createReplaySource, type ReplayAssets } from '../../src/sensors/replay/replaySource';
import { createRuleEngine, type AlertEvent } from '../../src/sensors/rules';
import { SourceError } from '../../src/sensors/SourceError';
import type { ConnectionState } from '../../src/sensors/sources/connectionState';
import { startMqttSource } from '../../src/sensors/sources/mqttSource';
import type { RunningSource, SourceEnvironment, SourceSink } from '../../src/sensors/sources/runningSource';
import { startSensorThingsSource } from '../../src/sensors/sources/sensorThingsSource';
import type { SensorSourceConfig } from '../../src/sensors/sources/sourceConfig';
import type { SensorWorkerRequest, SensorWorkerResponse } from './protocol';

export interface RuntimeOptions extends Omit<SourceEnvironment, 'onState'> {
  post(message: SensorWorkerResponse): void;
  /** Reads a replay asset (`pm25-hanoi.json`, `gauges.json`) from the folder the app names. */
  loadAsset(baseUrl: string, name: string): Promise<unknown>;
  /** Observations kept per datastream (the ring buffers' size). */
  capacity?: number;
  batchIntervalMs?: number;
}

interface Running {
  config: SensorSourceConfig;
  json: string;
  source: RunningSource | null;
  datastreams: Set<string>;
}

const BATCH_ID = 'batch';
const TICK_MS = 1000;

export interface SensorRuntime {
  handle(request: SensorWorkerRequest): void;
  /** Stops every source and the clock. */
  dispose(): Promise<void>;
  readonly ingestor: Ingestor;
}

export function createSensorRuntime(options: RuntimeOptions): SensorRuntime {
  const ingestor = new Ingestor({ capacity: options.capacity ?? 4096, now: options.now });
  const rules = createRuleEngine(options.now());
  const running = new Map<string, Running>();
  const connections = new Map<string, ConnectionState>();
  let removed: string[] = [];
  let lastTick = 0;
  /** Source changes run one after another (stopping a connection is asynchronous). */
  let changes: Promise<void> = Promise.resolve();

  const postAlerts = (events: AlertEvent[]): void => {
    if (events.length > 0) options.post({ type: 'alerts', id: BATCH_ID, payload: events });
  };

  function sinkFor(entry: Running): SourceSink {
    return {
      datastream(descriptor) {
        entry.datastreams.add(descriptor.id);
        ingestor.datastream(descriptor);
      },
      observation: (o) => ingestor.observation(o),
      malformed: (m) => ingestor.malformed(m),
      countMessage: () => ingestor.countMessage(),
      countReconnect: () => ingestor.countReconnect(),
      latestTime: (id) => ingestor.latestTime(id),
    };
  }

  function start(entry: Running, assetBaseUrl: string): void {
    const { config } = entry;
    const sink = sinkFor(entry);
    const env: SourceEnvironment = { ...options, onState: (state) => connections.set(state.sourceId, state) };
    const fail = (error: unknown): void => {
      const message = error instanceof SourceError ? error.userMessage : { vi: String(error), en: String(error) };
      options.post({ type: 'sourceError', id: config.id, payload: { sourceId: config.id, message } });
    };
    try {
      if (config.kind === 'mqtt') entry.source = startMqttSource(config, sink, env);
      else if (config.kind === 'sensorthings') entry.source = startSensorThingsSource(config, sink, env, fail);
      else {
        void loadReplayAssets(config.datasets, assetBaseUrl).then((assets) => {
          if (running.get(config.id) === entry) entry.source = { ...createReplaySource(config, assets, sink, options.now()), stop: async () => undefined };
        }, fail);
      }
    } catch (error) {
      fail(error);
    }
  }

  async function loadReplayAssets(datasets: readonly string[], baseUrl: string): Promise<ReplayAssets> {
    const [gauges, pm25] = await Promise.all([
      datasets.includes('storm') ? options.loadAsset(baseUrl, 'gauges.json') : null,
      datasets.includes('pm25') ? options.loadAsset(baseUrl, 'pm25-hanoi.json') : null,
    ]);
    return { gauges, pm25 } as ReplayAssets;
  }

  async function stop(entry: Running): Promise<void> {
    running.delete(entry.config.id);
    connections.delete(entry.config.id);
    await entry.source?.stop();
    ingestor.forget(entry.datastreams);
    removed.push(...entry.datastreams);
  }

  /** Starts, restarts (config changed) or stops sources to match the list. */
  async function setSources(sources: SensorSourceConfig[], assetBaseUrl: string): Promise<void> {
    const wanted = new Map(sources.filter((s) => s.enabled).map((s) => [s.id, s]));
    for (const entry of [...running.values()]) {
      const next = wanted.get(entry.config.id);
      if (!next || JSON.stringify(next) !== entry.json) await stop(entry);
    }
    for (const config of wanted.values()) {
      if (running.has(config.id)) continue;
      const entry: Running = { config, json: JSON.stringify(config), source: null, datastreams: new Set() };
      running.set(config.id, entry);
      start(entry, assetBaseUrl);
    }
  }

  function flush(now: number): void {
    for (const entry of running.values()) entry.source?.tick(now);
    if (now - lastTick >= TICK_MS) {
      lastTick = now;
      ingestor.checkStale(now);
      postAlerts(rules.tick(now));
    }
    const delta = ingestor.drain();
    if (delta.datastreams.length > 0) rules.setDatastreams(delta.datastreams);
    if (delta.observations.length > 0) postAlerts(rules.ingest(delta.observations, now));
    const changed = [...connections.values()];
    connections.clear();
    const quiet = delta.datastreams.length === 0 && delta.observations.length === 0 && removed.length === 0 && changed.length === 0 && delta.malformed.length === 0 && Object.keys(delta.statuses).length === 0;
    if (!quiet) {
      options.post({
        type: 'batch',
        id: BATCH_ID,
        payload: { datastreams: delta.datastreams, removed, latest: delta.latest, series: delta.series, statuses: delta.statuses, stats: delta.stats, connections: changed, malformed: delta.malformed },
      });
    }
    removed = [];
  }

  const timer = setInterval(() => flush(options.now()), options.batchIntervalMs ?? 200);

  function history(id: string, datastreamId: string, from: number, to: number): void {
    const state = ingestor.get(datastreamId);
    const { times, values } = state ? state.ring.window(from, to) : { times: new Float64Array(0), values: new Float64Array(0) };
    options.post({ type: 'history', id, payload: { datastreamId, times, values } });
  }

  return {
    ingestor,
    handle(request) {
      const fail = (error: unknown): void => {
        const e = error instanceof Error ? error : new Error(String(error));
        options.post({ type: 'error', id: request.id, payload: { name: e.name, message: e.message } });
      };
      try {
        switch (request.type) {
          case 'sources': {
            const { sources, assetBaseUrl } = request.payload;
            changes = changes.then(() => setSources(sources, assetBaseUrl)).catch(fail);
            break;
          }
          case 'rules':
            postAlerts(rules.setRules(request.payload.ruleSet));
            break;
          case 'history':
            history(request.id, request.payload.datastreamId, request.payload.from, request.payload.to);
            break;
          case 'stop':
            changes = changes.then(() => setSources([], '')).catch(fail);
            break;
        }
      } catch (error) {
        fail(error);
      }
    },
    async dispose() {
      clearInterval(timer);
      await changes;
      await Promise.all([...running.values()].map(stop));
    },
  };
}

