import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNgsiLdAdapter } from '../../../src/sensors/adapters/ngsiLd/adapter';
import { collectingSink } from '../../../src/sensors/adapters/sink';

const BROKER = 'ws://127.0.0.1:9001';
const NOW = Date.parse('2025-07-01T10:05:03Z');
const OBSERVED = Date.parse('2025-07-01T10:05:00Z');
const fixture = (name: string): string => readFileSync(resolve(import.meta.dirname, 'fixtures/ngsi-ld', name), 'utf8');

function notify(payload: string) {
  const sink = collectingSink();
  createNgsiLdAdapter({ brokerUrl: BROKER, expectedIntervalSeconds: 300 }).handle('ngsi-ld/notify', payload, NOW, sink);
  return sink;
}

/** What a person checks: which attribute became which kind of datastream, in which UCUM unit, with which value. */
const expectations: Record<string, [attribute: string, kind: string, ucum: string, value: number][]> = {
  WaterObserved: [['height', 'waterLevel', 'm', 0.42], ['flow', 'other', 'm3/s', 1.8]],
  AirQualityObserved: [['pm25', 'pm25', 'ug/m3', 48.5], ['no2', 'airQuality', 'ug/m3', 37], ['temperature', 'weather', 'Cel', 29.4], ['relativeHumidity', 'weather', '1', 0.81]],
  WeatherObserved: [['precipitation', 'rainfall', 'mm', 12.6], ['temperature', 'weather', 'Cel', 27.1], ['windSpeed', 'weather', 'm/s', 4.2], ['atmosphericPressure', 'weather', 'hPa', 1003.2]],
  TrafficFlowObserved: [['intensity', 'trafficFlow', '{vehicle}', 310], ['averageVehicleSpeed', 'trafficFlow', 'km/h', 18.5], ['occupancy', 'trafficFlow', '1', 0.42]],
};

describe('NGSI-LD notifications of the FIWARE smart data models', () => {
  for (const [model, attributes] of Object.entries(expectations)) {
    for (const form of ['normalized', 'keyvalues']) {
      it(`${model}, ${form}`, () => {
        const sink = notify(fixture(`${model}.${form}.json`));
        expect(sink.malformedMessages).toEqual([]);
        const entityId = JSON.parse(fixture(`${model}.${form}.json`)).data[0].id as string;
        const got = sink.datastreams.map((d) => [d.observedProperty.name, d.kind, d.unit.ucum, sink.observations.find((o) => o.datastreamId === d.id)?.value]);
        expect(got.sort()).toEqual([...attributes].sort());
        for (const d of sink.datastreams) {
          expect(d.id).toBe(`ngsi-ld:${entityId}|${d.observedProperty.name}`);
          expect(d).toMatchObject({ protocol: 'ngsi-ld', area: 'Dịch Vọng Hậu', location: [105.78532, 21.037548], expectedIntervalSeconds: 300, thing: { id: entityId } });
        }
        for (const o of sink.observations) {
          expect(o.phenomenonTime).toBe(OBSERVED);
          expect(o.provenance).toMatchObject({ protocol: 'ngsi-ld', source: `urn:ngsi-ld:Subscription:sao-${model}`, receivedAt: NOW });
        }
      });
    }
  }

  it('announces a datastream again only when the entity moves or changes', () => {
    const sink = collectingSink();
    const adapter = createNgsiLdAdapter({ brokerUrl: BROKER, expectedIntervalSeconds: 60 });
    const entity = { id: 'urn:ngsi-ld:WaterObserved:A', type: 'WaterObserved', height: 0.1, location: { type: 'Point', coordinates: [105.78, 21.04] } };
    adapter.handle('t', JSON.stringify(entity), NOW, sink);
    adapter.handle('t', JSON.stringify({ ...entity, height: 0.2 }), NOW, sink);
    adapter.handle('t', JSON.stringify({ ...entity, location: { type: 'Point', coordinates: [105.79, 21.04] } }), NOW, sink);
    expect(sink.datastreams.map((d) => d.location)).toEqual([[105.78, 21.04], [105.79, 21.04]]);
    // No observedAt, no dateObserved: the arrival time.
    expect(sink.observations.map((o) => [o.value, o.phenomenonTime])).toEqual([[0.1, NOW], [0.2, NOW], [0.1, NOW]]);
  });

  it('reads an expanded type name and a unitCode the model does not default to', () => {
    const sink = notify(JSON.stringify({ id: 'urn:x', type: 'https://smartdatamodels.org/dataModel.Environment/WaterObserved', height: { type: 'Property', value: 42, unitCode: 'CMT' } }));
    expect(sink.datastreams[0]!.unit).toEqual({ ucum: 'cm', symbol: 'cm', name: null });
  });

  describe('malformed notifications are counted, the rest of the notification still counts', () => {
    it.each([
      ['not JSON', '{"type":"Notification",', 'badJson', /invalid JSON/],
      ['no data array', JSON.stringify({ type: 'Notification', subscriptionId: 's' }), 'missingField', /has no `data` array/],
      ['an entity without id', JSON.stringify({ type: 'WaterObserved', height: 1 }), 'missingField', /has no `id` or `type`/],
      ['another model', JSON.stringify({ id: 'urn:ngsi-ld:ParkingSpot:1', type: 'ParkingSpot', status: 'free' }), 'unknownSensor', /entity type ParkingSpot is not WaterObserved/],
      ['a known model without any measured attribute', JSON.stringify({ id: 'urn:w', type: 'WaterObserved', name: 'x' }), 'missingField', /urn:w has none of the measured attributes of WaterObserved \(height, flow, temperature\)/],
      ['a value of the wrong type', JSON.stringify({ id: 'urn:w', type: 'WaterObserved', height: { type: 'Property', value: '0.4m' } }), 'wrongType', /`urn:w\.height` is a string "0\.4m", expected a number/],
      ['a bad observedAt', JSON.stringify({ id: 'urn:w', type: 'WaterObserved', height: { type: 'Property', value: 0.4, observedAt: 'soon' } }), 'wrongType', /observedAt/],
    ])('%s', (_, payload, reason, english) => {
      const sink = notify(payload);
      expect(sink.malformedMessages.map((m) => m.reason)).toContain(reason);
      expect(sink.malformedMessages.map((m) => m.detail.en).join('\n')).toMatch(english);
    });

    it('one bad entity does not drop the good one beside it', () => {
      const good = JSON.parse(fixture('WaterObserved.keyvalues.json')).data[0];
      const sink = notify(JSON.stringify({ type: 'Notification', subscriptionId: 's', notifiedAt: '2025-07-01T10:05:02Z', data: [{ id: 'urn:p', type: 'ParkingSpot' }, good] }));
      expect(sink.malformedMessages.map((m) => m.reason)).toEqual(['unknownSensor']);
      expect(sink.observations.map((o) => o.value).sort()).toEqual([0.42, 1.8]);
    });
  });
});
