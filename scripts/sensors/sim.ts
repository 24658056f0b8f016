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
import type { DemoGauge, DemoGaugeFile } from '../../src/sensors/replay/demoGauges';
import { STORM_SAMPLE_MINUTES } from '../../src/sensors/replay/demoGauges';
import { stormSeries } from '../../src/sensors/replay/stormScenario';
import { publishLoad } from './loadPublisher';
import { startMosquitto } from './mosquitto';
import { createPublisher, type Publisher } from './publisher';
import { stormTopic } from './stormTopics';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
type Format = 'mqtt-json' | 'sensorthings' | 'ngsi-ld';

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

const staId = (gauge: DemoGauge): string => `Datastreams('${gauge.id}')`;

/** The Datastream entity as the SensorThings HTTP API would give it with Thing/Locations and ObservedProperty expanded. */
function staDatastream(gauge: DemoGauge, speed: number): object {
  const rain = gauge.kind === 'rainfall';
  return {
    '@iot.id': gauge.id,
    name: gauge.name,
    description: rain ? 'Cường độ mưa (mô phỏng)' : 'Mực nước trên đường (mô phỏng)',
    unitOfMeasurement: rain
      ? { name: 'millimetre per hour', symbol: 'mm/h', definition: 'http://www.opengis.net/def/uom/UCUM/mm/h' }
      : { name: 'metre', symbol: 'm', definition: 'http://www.opengis.net/def/uom/UCUM/m' },
    observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
    properties: { expectedIntervalSeconds: (STORM_SAMPLE_MINUTES * 60) / speed, simulated: true },
    ObservedProperty: { name: rain ? 'Precipitation intensity' : 'Water level', definition: null, description: '' },
    Thing: {
      '@iot.id': gauge.id,
      name: gauge.name,
      properties: { area: gauge.area },
      Locations: [{ name: gauge.name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: gauge.location } }],
    },
  };
}

function ngsiNotification(gauge: DemoGauge, value: number, time: string): object {
  const rain = gauge.kind === 'rainfall';
  const entity = {
    id: `urn:ngsi-ld:${rain ? 'WeatherObserved' : 'WaterObserved'}:${gauge.id}`,
    type: rain ? 'WeatherObserved' : 'WaterObserved',
    name: { type: 'Property', value: gauge.name },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: gauge.location } },
    areaServed: { type: 'Property', value: gauge.area },
    simulated: { type: 'Property', value: true },
    // WeatherObserved.precipitation is an amount (mm) over the observation period: the minute's rain.
    ...(rain
      ? { precipitation: { type: 'Property', value: Math.round((value * STORM_SAMPLE_MINUTES) / 60 * 100) / 100, observedAt: time, unitCode: 'MMT' } }
      : { height: { type: 'Property', value, observedAt: time, unitCode: 'MTR' } }),
  };
  return { id: `urn:ngsi-ld:Notification:${gauge.id}:${time}`, type: 'Notification', subscriptionId: 'urn:ngsi-ld:Subscription:sao-demo-storm', notifiedAt: new Date().toISOString(), data: [entity] };
}

async function publishStorm(publisher: Publisher, gauges: DemoGauge[], speed: number, formats: Format[], loop: boolean): Promise<number> {
  const { values: series } = stormSeries(gauges);
  const samples = series[0]!.length;
  if (formats.includes('sensorthings')) for (const g of gauges) await publisher.publish(`v1.1/${staId(g)}`, JSON.stringify(staDatastream(g, speed)), { retain: true });
  const start = Date.now();
  let sent = 0;
  for (let k = 0; loop || k < samples; k++) {
    const wait = start + (k * STORM_SAMPLE_MINUTES * 60_000) / speed - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const time = start + k * STORM_SAMPLE_MINUTES * 60_000;
    const iso = new Date(time).toISOString();
    gauges.forEach((gauge, g) => {
      const value = series[g]![k % samples]!;
      if (formats.includes('mqtt-json')) void publisher.publish(stormTopic(gauge), JSON.stringify({ value, time, seq: k }));
      if (formats.includes('sensorthings')) void publisher.publish(`v1.1/${staId(gauge)}/Observations`, JSON.stringify({ phenomenonTime: iso, resultTime: iso, result: value }));
      if (formats.includes('ngsi-ld')) void publisher.publish('ngsi-ld/notify', JSON.stringify(ngsiNotification(gauge, value, iso)));
      sent += formats.length;
    });
    if (k % 10 === 0) {
      const levels = gauges.filter((x) => x.kind === 'waterLevel').map((x) => series[gauges.indexOf(x)]![k % samples]!.toFixed(2));
      process.stderr.write(`[sensors:sim] minute ${k * STORM_SAMPLE_MINUTES}: water levels ${levels.join(' ')} m\n`);
    }
  }
  await publisher.flush();
  return sent;
}

async function main(): Promise<void> {
  const broker = values['start-broker'] ? await startMosquitto() : null;
  const url = broker?.url ?? values.broker;
  if (!url) throw new Error('give --broker ws://host:port (or --start-broker)');
  if (broker) process.stderr.write(`[sensors:sim] mosquitto at ${url}\n`);
  const speed = Number(values.speed);
  const formats = values.formats!.split(',').map((f) => f.trim()) as Format[];
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
