import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectingSink } from '../../../src/sensors/adapters/sink';
import { pm25OfAqi } from '../../../src/sensors/replay/aqi';
import type { DemoGaugeFile } from '../../../src/sensors/replay/demoGauges';
import type { Pm25SeriesFile } from '../../../src/sensors/replay/pm25Series';
import { createReplaySource, pm25StartIndex } from '../../../src/sensors/replay/replaySource';
import { STORM_START_MINUTE, stormSeries } from '../../../src/sensors/replay/stormScenario';
import { DEMO_REPLAY_SOURCE } from '../../../src/sensors/sources/sourceConfig';
import { DEMO_GAUGES, gaugesFile, pm25File } from '../../../scripts/sensors/buildReplayAssets';
import { stormMqttMapping } from '../../../scripts/sensors/stormTopics';

const REPO = resolve(import.meta.dirname, '../../..');
const SHARED_DATA = process.env.SAO_SHARED_DATA ?? resolve(REPO, '../shared/data');
const CSV = resolve(SHARED_DATA, 'sensors/hanoi-usembassy-pm25/hanoi_pm25_aqi_hourly.csv');
const asset = <T>(name: string): T => JSON.parse(readFileSync(resolve(REPO, 'assets/demo/sensors', name), 'utf8')) as T;

describe('the committed replay assets', () => {
  it('are what the builder derives from ../shared/data (rebuild gives the same content)', () => {
    const csv = readFileSync(CSV, 'utf8');
    expect(asset('pm25-hanoi.json')).toEqual(pm25File(csv));
    expect(asset('gauges.json')).toEqual(gaugesFile());
    expect(asset('storm-mqtt-mapping.json')).toEqual(stormMqttMapping(DEMO_GAUGES));
  });

  it('keep every valid hour of the AirNow record at its hour, the rest null', () => {
    const file = asset<Pm25SeriesFile>('pm25-hanoi.json');
    const rows = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    // Some rows are marked Valid with an AQI of "NA"; three hours appear twice (the later row is kept).
    const valid = rows.filter((f) => f[11] === 'Valid' && f[8] !== 'NA');
    expect(file.aqi.filter((v) => v !== null)).toHaveLength(new Set(valid.map((f) => f[2])).size);
    const start = Date.parse(file.start);
    for (const f of [valid[0]!, valid[5000]!, valid[valid.length - 1]!]) {
      expect(file.aqi[(Date.parse(f[2]!) - start) / 3_600_000]).toBe(Number(f[8]));
    }
    expect(file.attribution).toMatch(/AirNow.*public domain/);
  });
});

describe('PM2.5 from the US EPA AQI', () => {
  it('inverts the 2012 breakpoints band by band', () => {
    expect(pm25OfAqi(0)).toBe(0);
    expect(pm25OfAqi(50)).toBe(12);
    expect(pm25OfAqi(51)).toBe(12.1);
    expect(pm25OfAqi(100)).toBe(35.4);
    expect(pm25OfAqi(151)).toBe(55.5);
    expect(pm25OfAqi(300)).toBe(250.4);
    // The forward formula gives back the AQI (rounded) from the concentration.
    const aqiOf = (c: number) => Math.round(((200 - 151) / (150.4 - 55.5)) * (c - 55.5) + 151);
    expect(aqiOf(pm25OfAqi(167))).toBe(167);
  });
});

describe('the demo storm', () => {
  const gauges = asset<DemoGaugeFile>('gauges.json').gauges;
  const { values } = stormSeries(gauges);
  const series = (id: string) => values[gauges.findIndex((g) => g.id === id)]!;
  const firstAbove = (v: Float64Array, threshold: number) => v.findIndex((x) => x > threshold);

  it('rains first, then the water rises; the lanes pond past 0.3 m for more than 5 minutes, the main road does not', () => {
    for (const rain of gauges.filter((g) => g.kind === 'rainfall')) {
      const v = series(rain.id);
      expect(Math.max(...v)).toBeGreaterThan(50);
      expect(v.slice(0, STORM_START_MINUTE).every((x) => x === 0)).toBe(true);
    }
    const ponded = gauges.filter((g) => g.kind === 'waterLevel' && series(g.id).filter((x) => x > 0.3).length > 5);
    expect(ponded.map((g) => g.id).sort()).toEqual(['WL-02', 'WL-03', 'WL-05']);
    expect(Math.max(...series('WL-01'))).toBeLessThan(0.3);
    for (const level of gauges.filter((g) => g.kind === 'waterLevel')) {
      expect(firstAbove(series(level.id), 0.05)).toBeGreaterThan(firstAbove(series(level.rainGauge!), 40));
      expect(series(level.id).at(-1)).toBeLessThan(0.05);
    }
  });

  it('places the gauges inside the demo district with a ward each', () => {
    const city = JSON.parse(readFileSync(resolve(REPO, 'assets/demo/city.json'), 'utf8')) as { extent: { west: number; east: number; south: number; north: number } };
    for (const g of gauges) {
      expect(g.location[0]).toBeGreaterThanOrEqual(city.extent.west);
      expect(g.location[0]).toBeLessThanOrEqual(city.extent.east);
      expect(g.location[1]).toBeGreaterThanOrEqual(city.extent.south);
      expect(g.location[1]).toBeLessThanOrEqual(city.extent.north);
      expect(g.area).toBe('Dịch Vọng Hậu');
    }
  });
});

describe('the replay source on an accelerated clock', () => {
  const T0 = Date.parse('2025-11-23T14:00:00Z');
  const assets = { gauges: asset<DemoGaugeFile>('gauges.json'), pm25: asset<Pm25SeriesFile>('pm25-hanoi.json') };

  it('emits one storm sample per simulated minute at 60×, labelled simulated, phenomenon time on the replay clock', () => {
    const sink = Object.assign(collectingSink(), { received: 0, countMessage() { this.received++; } });
    const replay = createReplaySource({ ...DEMO_REPLAY_SOURCE, datasets: ['storm'] }, assets, sink, T0);
    expect(sink.datastreams).toHaveLength(9);
    expect(sink.datastreams.every((d) => d.simulated && d.protocol === 'replay' && d.expectedIntervalSeconds === 1)).toBe(true);
    replay.tick(T0 + 9_999);
    const wl2 = sink.observations.filter((o) => o.datastreamId === 'replay:storm|WL-02');
    expect(wl2.map((o) => (o.phenomenonTime - T0) / 60_000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sink.received).toBe(90);
    replay.tick(T0 + 9_999);
    expect(sink.received).toBe(90);
  });

  it('replays the recorded PM2.5 hours from the same time of year, at their recorded hour, skipping missing hours', () => {
    const start = Date.parse(assets.pm25.start);
    const first = pm25StartIndex(assets.pm25, T0);
    const firstHour = new Date(start + first * 3_600_000);
    expect([firstHour.getUTCFullYear(), firstHour.getUTCMonth(), firstHour.getUTCDate()]).toEqual([2016, 10, 23]);
    // Ten days of record in 240 wall seconds at 3600×; AirNow has gaps there (late November 2016).
    const sink = Object.assign(collectingSink(), { countMessage() {} });
    const replay = createReplaySource({ ...DEMO_REPLAY_SOURCE, datasets: ['pm25'] }, assets, sink, T0);
    replay.tick(T0 + 239_999);
    const aqi = sink.observations.filter((o) => o.datastreamId === 'replay:pm25-us-embassy|aqi');
    const pm25 = sink.observations.filter((o) => o.datastreamId === 'replay:pm25-us-embassy|pm25');
    const recorded = assets.pm25.aqi.slice(first, first + 240);
    expect(recorded.filter((v) => v === null).length).toBeGreaterThan(0);
    expect(aqi.map((o) => o.value)).toEqual(recorded.filter((v) => v !== null));
    for (const o of aqi) {
      expect(o.provenance.sourceId).toBe(new Date(o.phenomenonTime).toISOString());
      expect(o.value).toBe(assets.pm25.aqi[(o.phenomenonTime - start) / 3_600_000]);
    }
    expect(pm25.map((o) => o.value)).toEqual(aqi.map((o) => pm25OfAqi(o.value)));
  });
});
