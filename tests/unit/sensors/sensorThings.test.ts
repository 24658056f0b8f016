import { describe, expect, it } from 'vitest';
import { readDatastreams, readObservations, type FetchJson } from '../../../src/sensors/adapters/sensorThings/httpClient';
import { createSensorThingsMqttAdapter } from '../../../src/sensors/adapters/sensorThings/mqttAdapter';
import { collectingSink } from '../../../src/sensors/adapters/sink';
import { Ingestor } from '../../../src/sensors/ingest/ingestor';
import { fillGaps } from '../../../src/sensors/sources/sensorThingsSource';
import { SourceError } from '../../../src/sensors/SourceError';
import responses from './fixtures/sta/responses.json';

const ROOT = 'http://example.org/v1.1';
const BROKER = 'ws://127.0.0.1:9001';
const NOW = Date.parse('2025-07-01T10:20:00Z');

/** Answers the recorded response of a URL (compared decoded); records what was asked. */
function recorded(): FetchJson & { asked: string[] } {
  const asked: string[] = [];
  const fetchJson = async (url: string) => {
    const key = decodeURIComponent(url);
    asked.push(key);
    const body = (responses as Record<string, unknown>)[key];
    if (body === undefined) throw new Error(`no recorded response for ${key}`);
    return structuredClone(body);
  };
  return Object.assign(fetchJson, { asked });
}

describe('SensorThings API 1.1 over HTTP', () => {
  it('reads every Datastream through Things?$expand=Locations,Datastreams, following @iot.nextLink at both levels', async () => {
    const fetchJson = recorded();
    const sink = collectingSink();
    const ids = await readDatastreams(`${ROOT}/`, fetchJson, sink, () => NOW);
    expect(fetchJson.asked).toEqual([
      `${ROOT}/Things?$expand=Locations,Datastreams($expand=ObservedProperty)`,
      `${ROOT}/Things(1)/Datastreams?$expand=ObservedProperty&$skip=1`,
      `${ROOT}/Things?$expand=Locations,Datastreams($expand=ObservedProperty)&$skip=2`,
    ]);
    expect(sink.datastreams.map((d) => d.id)).toEqual([
      `sta:${ROOT}|Datastreams(1)`,
      `sta:${ROOT}|Datastreams(2)`,
      `sta:${ROOT}|Datastreams(3)`,
      `sta:${ROOT}|Datastreams('rg-01-intensity')`,
    ]);
    expect([...ids.values()]).toEqual([1, 2, 3, 'rg-01-intensity']);

    const [oven, humidity, water, rain] = sink.datastreams;
    // The spec's own example writes the symbol °C and a UCUM page as definition: Sao keeps the UCUM code Cel.
    expect(oven).toMatchObject({ name: 'oven temperature', unit: { ucum: 'Cel', symbol: '°C', name: 'degree Celsius' }, thing: { id: '1', name: 'Oven' }, location: [-114.06, 51.05], kind: 'weather', expectedIntervalSeconds: 60 });
    expect(humidity).toMatchObject({ unit: { ucum: '%', symbol: '%' }, thing: { name: 'Oven' }, location: [-114.06, 51.05] });
    expect(water).toMatchObject({ kind: 'waterLevel', unit: { ucum: 'm' }, area: 'Dịch Vọng Hậu', location: [105.78532, 21.037548, 7.2], protocol: 'sensorthings-http', simulated: false });
    expect(rain).toMatchObject({ kind: 'rainfall', unit: { ucum: 'mm/h' }, area: 'Dịch Vọng Hậu', thing: { id: 'rg-01' } });
    expect(sink.malformedMessages.map((m) => [m.reason, m.detail.en])).toEqual([['missingField', 'Datastream 9 has no `unitOfMeasurement`']]);
  });

  it("reads a Datastream's Observations after a time, page by page, oldest first", async () => {
    const fetchJson = recorded();
    const sink = collectingSink();
    const arrived = await readObservations(ROOT, 3, Date.parse('2025-07-01T10:05:00Z'), fetchJson, sink, () => NOW);
    expect(arrived.map((o) => [new Date(o.phenomenonTime).toISOString(), o.value, o.provenance.sourceId])).toEqual([
      ['2025-07-01T10:06:00.000Z', 0.215, '106'],
      ['2025-07-01T10:07:00.000Z', 0.26, '107'],
      // A phenomenonTime interval stands at its end.
      ['2025-07-01T10:10:00.000Z', 0.31, '109'],
    ]);
    expect(sink.malformedMessages.map((m) => [m.reason, m.detail.en])).toEqual([['wrongType', 'field `result` is a string "sensor fault", expected a number']]);
  });

  it('says which URL failed and why', async () => {
    const notFound: FetchJson = async () => ({ error: 'nope' });
    await expect(readDatastreams(ROOT, notFound, collectingSink())).rejects.toThrow(SourceError);
    await expect(readDatastreams(ROOT, notFound, collectingSink())).rejects.toThrow(/Things\?\$expand=.* is not a SensorThings collection \(no `value`\)/);
  });
});

describe('SensorThings MQTT extension', () => {
  it('turns v1.1/Datastreams(id)/Observations messages into observations of the known Datastream', () => {
    const adapter = createSensorThingsMqttAdapter(ROOT, BROKER);
    adapter.know(`sta:${ROOT}|Datastreams(3)`);
    const sink = collectingSink();
    adapter.handle('v1.1/Datastreams(3)/Observations', JSON.stringify({ '@iot.id': 105, phenomenonTime: '2025-07-01T10:05:00Z', result: 0.18 }), NOW, sink);
    adapter.handle("v1.1/Datastreams('x')/Observations", JSON.stringify({ phenomenonTime: '2025-07-01T10:05:00Z', result: 1 }), NOW, sink);
    adapter.handle('v1.1/Things(1)', '{}', NOW, sink);
    adapter.handle('v1.1/Datastreams(3)/Observations', JSON.stringify({ phenomenonTime: '2025-07-01T10:05:00Z' }), NOW, sink);
    expect(sink.observations).toEqual([
      {
        datastreamId: `sta:${ROOT}|Datastreams(3)`,
        phenomenonTime: Date.parse('2025-07-01T10:05:00Z'),
        value: 0.18,
        provenance: { protocol: 'sensorthings-mqtt', source: `${BROKER}|v1.1/Datastreams(3)/Observations`, sourceId: '105', sequence: null, receivedAt: NOW },
      },
    ]);
    expect(sink.malformedMessages.map((m) => [m.reason, m.detail.en])).toEqual([
      ['unknownSensor', "unknown Datastream 'x'"],
      ['unknownSensor', 'topic v1.1/Things(1) is not a SensorThings topic'],
      ['missingField', 'field `result` is missing'],
    ]);
  });

  it('learns a Datastream from its entity message (published retained, Thing and ObservedProperty inline)', () => {
    const adapter = createSensorThingsMqttAdapter(BROKER, BROKER);
    const sink = collectingSink();
    const water = (responses as Record<string, { value: Record<string, unknown>[] }>)[`${ROOT}/Things?$expand=Locations,Datastreams($expand=ObservedProperty)`]!.value[1]!;
    const { Datastreams, ...thing } = water as { Datastreams: Record<string, unknown>[] };
    adapter.handle('v1.1/Datastreams(3)', JSON.stringify({ ...Datastreams[0], Thing: thing }), NOW, sink);
    adapter.handle('v1.1/Datastreams(3)/Observations', JSON.stringify({ phenomenonTime: NOW, result: 0.2 }), NOW, sink);
    expect(sink.datastreams.map((d) => [d.id, d.area, d.protocol])).toEqual([[`sta:${BROKER}|Datastreams(3)`, 'Dịch Vọng Hậu', 'sensorthings-mqtt']]);
    expect(sink.observations).toHaveLength(1);
  });
});

describe('gap fill from HTTP history after a disconnect', () => {
  it('reads what was observed after the newest value held and slots it in order', async () => {
    const ingestor = new Ingestor({ capacity: 64, now: () => NOW });
    const adapter = createSensorThingsMqttAdapter(ROOT, BROKER);
    const datastreams = collectingSink();
    await readDatastreams(ROOT, recorded(), datastreams);
    for (const d of datastreams.datastreams) {
      ingestor.datastream(d);
      adapter.know(d.id);
    }
    const id = `sta:${ROOT}|Datastreams(3)`;
    // Live over MQTT until 10:05, then the link drops; after reconnecting the first live value is 10:11.
    for (const [minute, level] of [[4, 0.12], [5, 0.18]] as const) {
      adapter.handle('v1.1/Datastreams(3)/Observations', JSON.stringify({ phenomenonTime: `2025-07-01T10:0${minute}:00Z`, result: level }), NOW, ingestor);
    }
    const fetchJson = recorded();
    const filled = await fillGaps(ROOT, new Map([[id, 3]]), ingestor, fetchJson, () => NOW);
    adapter.handle('v1.1/Datastreams(3)/Observations', JSON.stringify({ phenomenonTime: '2025-07-01T10:11:00Z', result: 0.33 }), NOW, ingestor);

    expect(filled).toBe(3);
    const { times, values } = ingestor.get(id)!.ring.window();
    expect([...times].map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['10:04', '10:05', '10:06', '10:07', '10:10', '10:11']);
    expect([...values]).toEqual([0.12, 0.18, 0.215, 0.26, 0.31, 0.33]);
    expect(ingestor.stats.malformed.wrongType).toBe(1);
    expect(ingestor.get(id)!.latest?.value).toBe(0.33);
  });
});
