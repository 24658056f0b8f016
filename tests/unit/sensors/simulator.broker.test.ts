/**
 * `npm run sensors:sim` end to end at the worker's level: the storm published to a real mosquitto as plain MQTT JSON,
 * SensorThings MQTT and NGSI-LD arrives through the app's ingestion runtime (the same code as the browser worker)
 * as the same nine gauges, three times, with the rain rising before the water.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGaugeFile } from '../../../src/sensors/replay/demoGauges';
import type { BatchPayload, SensorWorkerResponse } from '../../../workers/sensors/protocol';
import { createSensorRuntime } from '../../../workers/sensors/runtime';
import { startMosquitto, type Mosquitto } from '../../../scripts/sensors/mosquitto';
import { createPublisher } from '../../../scripts/sensors/publisher';
import { publishStorm } from '../../../scripts/sensors/stormPublisher';

const REPO = resolve(import.meta.dirname, '../../..');
const asset = (name: string): unknown => JSON.parse(readFileSync(resolve(REPO, 'assets/demo/sensors', name), 'utf8'));

let broker: Mosquitto;
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await cleanup();
  await broker.stop();
});

describe('the storm simulator through the ingestion runtime', { timeout: 30_000 }, () => {
  it('delivers every gauge in all three formats, rain first, then water above 0.3 m', async () => {
    const batches: BatchPayload[] = [];
    const runtime = createSensorRuntime({
      post: (m: SensorWorkerResponse) => void (m.type === 'batch' && batches.push(m.payload)),
      fetchJson: async () => null,
      loadAsset: async () => null,
      now: Date.now,
      batchIntervalMs: 50,
    });
    runtime.handle({
      type: 'sources',
      id: 's',
      payload: {
        assetBaseUrl: '',
        sources: [
          {
            id: 'sim', name: 'sim', enabled: true, kind: 'mqtt', brokerUrl: broker.url, clientId: 'sao-test-sim', username: null, password: null,
            subscriptions: [
              { format: 'mqtt-json', mapping: asset('storm-mqtt-mapping.json') },
              { format: 'sensorthings', topic: 'v1.1/#' },
              { format: 'ngsi-ld', topic: 'ngsi-ld/notify', expectedIntervalSeconds: 60 },
            ],
          },
        ],
      },
    });
    const connected = () => batches.some((b) => b.connections.some((c) => c.phase === 'connected'));
    while (!connected()) await new Promise((r) => setTimeout(r, 20));

    const gauges = (asset('gauges.json') as DemoGaugeFile).gauges;
    const publisher = createPublisher(broker.url, 'sao-test-sim-pub');
    const sent = await publishStorm(publisher, gauges, 9000, ['mqtt-json', 'sensorthings', 'ngsi-ld'], false);
    await publisher.close();
    const { ingestor } = runtime;
    const deadline = Date.now() + 10_000;
    while (ingestor.stats.received < sent + gauges.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    cleanup = () => runtime.dispose();

    // 151 samples × 9 gauges × 3 formats, plus the 9 retained Datastream entities.
    expect(sent).toBe(151 * 9 * 3);
    expect(ingestor.stats).toMatchObject({ received: sent + 9, lost: 0, malformed: { badJson: 0, wrongType: 0, unknownSensor: 0, tooLarge: 0, missingField: 0 } });
    const ids = [...ingestor.all()].map((s) => s.descriptor.id);
    expect(ids.filter((id) => id.startsWith('mqtt:'))).toHaveLength(9);
    expect(ids.filter((id) => id.startsWith('sta:'))).toHaveLength(9);
    expect(ids.filter((id) => id.startsWith('ngsi-ld:'))).toHaveLength(9);
    for (const state of ingestor.all()) {
      expect(state.descriptor).toMatchObject({ simulated: true, area: 'Dịch Vọng Hậu' });
      expect(state.ring.length).toBe(151);
    }
    const series = (id: string) => ingestor.get(id)!.ring.window();
    const firstTime = (id: string, above: number) => {
      const { times, values } = series(id);
      return times[values.findIndex((v) => v > above)]!;
    };
    const rain = `mqtt:${broker.url}|sao/demo/rain/RG-04`;
    const water = `mqtt:${broker.url}|sao/demo/water/WL-02`;
    expect(firstTime(rain, 40)).toBeLessThan(firstTime(water, 0.3));
    // The same gauge read three ways gives the same water levels.
    expect([...series(`sta:${broker.url}|Datastreams('WL-02')`).values]).toEqual([...series(water).values]);
    expect([...series('ngsi-ld:urn:ngsi-ld:WaterObserved:WL-02|height').values]).toEqual([...series(water).values]);
    // The main thread saw it all in a few dozen batches, never one message at a time.
    expect(batches.length).toBeLessThan(200);
  });
});
