/**
 * `npm run sensors:sim -- --broker ws://127.0.0.1:PORT [--speed 60] [--loop] [--formats mqtt-json,sensorthings,ngsi-ld]
 *   [--load 2000] [--start-broker]` — publishes the demo storm to a real broker (issue 5 §2): rain gauges rising, then
 * water levels, one sample per simulated minute, `speed`× faster than real time, QoS 1.
 * - mqtt-json (default): `{ value, time, seq }` on `sao/demo/rain|water/<gauge>`, read by
 *   assets/demo/sensors/storm-mqtt-mapping.json;
 * - sensorthings: the MQTT extension, each Datastream entity retained on `v1.1/Datastreams('<gauge>')` (Thing and
 *   ObservedProperty inline) and Observations on `v1.1/Datastreams('<gauge>')/Observations`;
 * - ngsi-ld: notifications (normalized) of WaterObserved `height` and WeatherObserved `precipitation` on `ngsi-ld/notify`.
 * `--load N` adds N sequence-numbered messages/s on `sao/load/s000…` (see loadTopics.ts) for throughput tests;
 * `--start-broker` starts Debian's mosquitto itself and prints its URL. Prints one JSON line when done.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DemoGaugeFile } from '../../src/sensors/replay/demoGauges';
import { publishLoad } from './loadPublisher';
import { startMosquitto } from './mosquitto';
import { createPublisher } from './publisher';
import { publishStorm, type StormFormat } from './stormPublisher';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

const { values } = parseArgs({
  options: {
    broker: { type: 'string' },
    speed: { type: 'string', default: '60' },
    loop: { type: 'boolean', default: false },
    formats: { type: 'string', default: 'mqtt-json' },
    load: { type: 'string', default: '0' },
    'start-broker': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const broker = values['start-broker'] ? await startMosquitto() : null;
  const url = broker?.url ?? values.broker;
  if (!url) throw new Error('give --broker ws://host:port (or --start-broker)');
  if (broker) process.stderr.write(`[sensors:sim] mosquitto at ${url}\n`);
  const speed = Number(values.speed);
  const formats = values.formats!.split(',').map((f) => f.trim()) as StormFormat[];
  const unknown = formats.filter((f) => !['mqtt-json', 'sensorthings', 'ngsi-ld'].includes(f));
  if (unknown.length > 0) throw new Error(`unknown format ${unknown.join(', ')}: use mqtt-json, sensorthings, ngsi-ld`);
  const gauges = (JSON.parse(readFileSync(resolve(repoRoot, 'assets/demo/sensors/gauges.json'), 'utf8')) as DemoGaugeFile).gauges;
  const publisher = createPublisher(url, `sao-sim-${process.pid}`);
  let stopLoad = (): void => undefined;
  const load = Number(values.load) > 0 ? publishLoad({ url, rate: Number(values.load), seconds: Number.POSITIVE_INFINITY, topics: 100, stop: new Promise<void>((r) => (stopLoad = r)) }) : null;
  const stormMessages = await publishStorm(publisher, gauges, speed, formats, values.loop!);
  stopLoad();
  const loadReport = await load;
  await publisher.close();
  await broker?.stop();
  console.log(JSON.stringify({ broker: url, speed, formats, stormMessages, loadMessages: loadReport?.sent ?? 0 }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
