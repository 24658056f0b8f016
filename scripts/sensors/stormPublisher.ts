/**
 * The demo storm as `npm run sensors:sim` publishes it (see sim.ts): plain MQTT JSON, the SensorThings MQTT extension
 * (Datastream entities retained, Observations) and NGSI-LD notifications, one sample per simulated minute.
 */
import type { DemoGauge } from '../../src/sensors/replay/demoGauges';
import { STORM_SAMPLE_MINUTES } from '../../src/sensors/replay/demoGauges';
import { stormSeries } from '../../src/sensors/replay/stormScenario';
import type { Publisher } from './publisher';
import { stormTopic } from './stormTopics';

export type StormFormat = 'mqtt-json' | 'sensorthings' | 'ngsi-ld';

export const staId = (gauge: DemoGauge): string => `Datastreams('${gauge.id}')`;

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

/** Publishes the storm `speed`× faster than real time; resolves with the number of messages once all are acknowledged. */
export async function publishStorm(publisher: Publisher, gauges: DemoGauge[], speed: number, formats: StormFormat[], loop: boolean): Promise<number> {
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

