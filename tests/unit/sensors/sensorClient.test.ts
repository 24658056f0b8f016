/**
 * The main thread's side, with the worker's runtime run in-process: the embedded replay (no broker configured) fills
 * the store and the registry in batches, history comes back from the worker, the sample rules raise a flood alert
 * from the replayed storm, and the source configuration survives a reload.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { observationRegistry } from '../../../src/sensors/observationRegistry';
import { parseRuleSet, type AlertEvent } from '../../../src/sensors/rules';
import { SensorClient, type SensorWorkerPort } from '../../../src/sensors/sensorClient';
import { DEMO_REPLAY_SOURCE, type SensorSourceConfig } from '../../../src/sensors/sources/sourceConfig';
import { loadSources, saveSources, useSensorStore } from '../../../src/state/sensorStore';
import type { SensorWorkerResponse } from '../../../workers/sensors/protocol';
import { createSensorRuntime, type SensorRuntime } from '../../../workers/sensors/runtime';

const REPO = resolve(import.meta.dirname, '../../..');
const ASSETS = pathToFileURL(resolve(REPO, 'assets/demo/sensors') + '/').href;

/** The worker, in-process: what it posts is delivered asynchronously, as postMessage would. */
function inProcessWorker(): { spawn: () => SensorWorkerPort; runtime: () => SensorRuntime } {
  let runtime: SensorRuntime | null = null;
  const spawn = (): SensorWorkerPort => {
    const port: SensorWorkerPort = {
      onmessage: null,
      postMessage: (message) => queueMicrotask(() => runtime!.handle(structuredClone(message))),
      terminate: () => void runtime?.dispose(),
    };
    runtime = createSensorRuntime({
      post: (message: SensorWorkerResponse) => setTimeout(() => port.onmessage?.({ data: message }), 0),
      fetchJson: async () => null,
      loadAsset: async (baseUrl, name) => JSON.parse(readFileSync(fileURLToPath(new URL(name, baseUrl)), 'utf8')),
      now: Date.now,
      batchIntervalMs: 50,
    });
    return port;
  };
  return { spawn, runtime: () => runtime! };
}

const until = async (check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

let client: SensorClient | null = null;
afterEach(() => {
  client?.stop();
  client = null;
});

describe('sensor client and store', { timeout: 30_000 }, () => {
  it('with no broker configured, replays the PM2.5 record and the demo storm into the store and the registry', async () => {
    const worker = inProcessWorker();
    client = new SensorClient(worker.spawn, () => ASSETS);
    // 100 simulated minutes a second: the storm's 150 minutes in 1.5 s.
    client.setSources([{ ...DEMO_REPLAY_SOURCE, stormSpeed: 6000 }]);
    const alerts: AlertEvent[] = [];
    client.onAlerts((events) => alerts.push(...events));
    client.setRules(parseRuleSet(JSON.parse(readFileSync(resolve(REPO, 'assets/demo/sensors/rules.json'), 'utf8'))));
    client.start();

    const wl2 = 'replay:storm|WL-02';
    await until(() => observationRegistry.series(wl2).times.length >= 100, '100 storm samples at WL-02');
    const state = useSensorStore.getState();
    expect(Object.keys(state.datastreams).sort()).toEqual([
      'replay:pm25-us-embassy|aqi', 'replay:pm25-us-embassy|pm25',
      ...['RG-01', 'RG-02', 'RG-03', 'RG-04', 'WL-01', 'WL-02', 'WL-03', 'WL-04', 'WL-05'].map((g) => `replay:storm|${g}`),
    ]);
    expect(Object.values(state.datastreams).every((d) => d.simulated)).toBe(true);
    expect(state.statuses[wl2]).toBe('live');
    expect(state.latest[wl2]!.value).toBe(observationRegistry.series(wl2).values.at(-1));
    expect(state.seriesVersion).toBeGreaterThan(1);
    // 100 storm samples at each of the 9 gauges; the PM2.5 replay adds its hours, or none while today's time of
    // year falls in a gap of the 2015–2018 record (late November does), so the count cannot depend on it.
    expect(state.stats.received).toBeGreaterThanOrEqual(900);

    // History from the worker's ring equals what the main thread's registry holds for the same window.
    const { times } = observationRegistry.series(wl2);
    const from = times[10]!, to = times[20]!;
    const history = await client.history(wl2, { from, to });
    expect([...history.times]).toEqual([...observationRegistry.series(wl2, from, to).times]);
    expect(history.times.length).toBe(11);

    // The sample rule "water level > 0.3 m for 5 minutes" fires on the replayed storm, in the worker.
    await until(() => alerts.some((a) => a.type === 'raised' && a.ruleId === 'sample-water-level-ward'), 'the flood alert');
    const raised = alerts.find((a) => a.type === 'raised' && a.ruleId === 'sample-water-level-ward');
    expect(raised).toMatchObject({ level: 'special' });

    client.stop();
    client = null;
    expect(Object.keys(useSensorStore.getState().datastreams)).toEqual([]);
    expect(observationRegistry.series(wl2).times.length).toBe(0);
  });

  it('removing a source removes its datastreams from the store and the registry', async () => {
    const worker = inProcessWorker();
    client = new SensorClient(worker.spawn, () => ASSETS);
    client.setSources([{ ...DEMO_REPLAY_SOURCE, datasets: ['storm'], stormSpeed: 6000 }]);
    client.start();
    await until(() => Object.keys(useSensorStore.getState().datastreams).length === 9, 'the storm gauges');
    useSensorStore.getState().removeSource(DEMO_REPLAY_SOURCE.id);
    await until(() => Object.keys(useSensorStore.getState().datastreams).length === 0, 'the gauges to go');
    expect(observationRegistry.series('replay:storm|WL-01').times.length).toBe(0);
  });

  it('a source that cannot start says why, in both languages, and the others keep running', async () => {
    const worker = inProcessWorker();
    client = new SensorClient(worker.spawn, () => ASSETS);
    const broken: SensorSourceConfig = { id: 'broken', name: 'broken', enabled: true, kind: 'mqtt', brokerUrl: 'ws://127.0.0.1:9', clientId: 'sao-broken', username: null, password: null, subscriptions: [{ format: 'mqtt-json', mapping: { datastreams: [{ topic: 'sao/#/x' }] } }] };
    client.setSources([{ ...DEMO_REPLAY_SOURCE, datasets: ['storm'], stormSpeed: 6000 }, broken]);
    client.start();
    await until(() => useSensorStore.getState().sourceErrors.broken !== undefined, 'the error of the broken source');
    expect(useSensorStore.getState().sourceErrors.broken).toEqual({
      vi: 'Tệp ánh xạ MQTT, `datastreams[0].topic`: không phải bộ lọc chủ đề MQTT',
      en: 'MQTT mapping file, `datastreams[0].topic`: is not an MQTT topic filter',
    });
    await until(() => Object.keys(useSensorStore.getState().datastreams).length === 9, 'the replay beside it');
  });

  it('keeps the source configuration across a reload (local storage), the replay when nothing was saved', () => {
    const storage = new Map<string, string>();
    const local = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    expect(loadSources(local)).toEqual([DEMO_REPLAY_SOURCE]);
    const broker: SensorSourceConfig = { id: 'b', name: 'Broker', enabled: true, kind: 'mqtt', brokerUrl: 'ws://127.0.0.1:9001', clientId: 'sao-b-1', username: null, password: null, subscriptions: [{ format: 'ngsi-ld', topic: 'ngsi-ld/#', expectedIntervalSeconds: 60 }] };
    saveSources([{ ...DEMO_REPLAY_SOURCE, enabled: false }, broker], local);
    expect(loadSources(local)).toEqual([{ ...DEMO_REPLAY_SOURCE, enabled: false }, broker]);
    storage.set('sao.sensors.sources', '{not json');
    expect(loadSources(local)).toEqual([DEMO_REPLAY_SOURCE]);
  });
});
