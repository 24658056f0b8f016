/**
 * The demo district's simulated rain and water-level gauges (assets/demo/sensors/gauges.json, written by
 * scripts/sensors/buildReplayAssets.ts) and their datastream descriptors. Every one is `simulated`: the city
 * publishes no such feed for this district, so the storm is a scenario, labelled so in the UI.
 */
import type { DatastreamDescriptor } from '../types';
import { ucumUnit } from '../units';

export interface DemoGauge {
  id: string;
  kind: 'rainfall' | 'waterLevel';
  name: string;
  /** WGS 84 [lon, lat]. */
  location: [number, number];
  /** Ward (phường), for "N sensors in this area" rules. */
  area: string;
  /** Rain gauges: the local storm is the design storm × this, `lagMinutes` later (the cell moves west → east). */
  rainFactor: number;
  lagMinutes: number;
  /** Water-level gauges: the rain gauge that drives them, the ponding response (a linear reservoir). */
  rainGauge: string | null;
  /** Metres of rise per hour per mm/h of rain above the drainage capacity. */
  riseMetresPerHourPerMmH: number;
  /** Time constant of the recession, minutes. */
  drainMinutes: number;
  /** Street drainage capacity, mm/h (rain below it does not pond). */
  drainageMmPerHour: number;
}

export interface DemoGaugeFile {
  attribution: string;
  gauges: DemoGauge[];
}

/** One observation a minute of scenario time. */
export const STORM_SAMPLE_MINUTES = 1;

export const STORM_SOURCE = 'storm';

export function stormDatastreamId(gauge: Pick<DemoGauge, 'id'>): string {
  return `replay:${STORM_SOURCE}|${gauge.id}`;
}

/** `expectedIntervalSeconds` in wall seconds: a sample per simulated minute, replayed `speed`× faster. */
export function gaugeDescriptor(gauge: DemoGauge, speed: number): DatastreamDescriptor {
  const rain = gauge.kind === 'rainfall';
  return {
    id: stormDatastreamId(gauge),
    name: gauge.name,
    description: rain ? 'Mưa mô phỏng: mưa thiết kế 10 năm, 60 phút (TCVN 7957:2008)' : 'Mực nước đọng mô phỏng trên đường',
    kind: gauge.kind,
    observedProperty: rain
      ? { name: 'rainfall intensity', definition: 'http://vocabs.lter-europe.net/EnvThes/21579' }
      : { name: 'water level', definition: 'http://vocabs.lter-europe.net/EnvThes/22035' },
    unit: ucumUnit(rain ? 'mm/h' : 'm', rain ? 'millimetre per hour' : 'metre'),
    thing: { id: gauge.id, name: gauge.name },
    location: gauge.location,
    area: gauge.area,
    expectedIntervalSeconds: (STORM_SAMPLE_MINUTES * 60) / speed,
    simulated: true,
    protocol: 'replay',
  };
}
