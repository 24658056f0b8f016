/**
 * The real hourly PM2.5 series of the US Embassy monitor in Hà Nội (AirNow, public domain), as committed in
 * assets/demo/sensors/pm25-hanoi.json by scripts/sensors/buildReplayAssets.ts: one AQI value per hour from
 * `start`, null where AirNow marks the hour missing or invalid.
 */
import type { DatastreamDescriptor } from '../types';
import { ucumUnit } from '../units';

export interface Pm25SeriesFile {
  attribution: string;
  station: { name: string; location: [number, number]; area: string };
  /** ISO 8601 UTC of the first hour. */
  start: string;
  intervalSeconds: number;
  aqi: (number | null)[];
}

export const PM25_SOURCE = 'pm25-us-embassy';

export const PM25_DATASTREAMS = { pm25: `replay:${PM25_SOURCE}|pm25`, aqi: `replay:${PM25_SOURCE}|aqi` } as const;

/** The two datastreams of the replay: the AQI as recorded and the concentration derived from it. */
export function pm25Descriptors(file: Pm25SeriesFile, speed: number): DatastreamDescriptor[] {
  const common = {
    thing: { id: PM25_SOURCE, name: file.station.name },
    location: file.station.location,
    area: file.station.area,
    expectedIntervalSeconds: file.intervalSeconds / speed,
    simulated: true,
    protocol: 'replay' as const,
  };
  return [
    {
      ...common,
      id: PM25_DATASTREAMS.pm25,
      name: `PM2.5 · ${file.station.name}`,
      description: `${file.attribution}. Nồng độ suy ra từ AQI theo ngưỡng US EPA 2012; phát lại nhanh ${speed}×.`,
      kind: 'pm25',
      observedProperty: { name: 'PM2.5 mass concentration', definition: 'http://vocab.nerc.ac.uk/collection/P01/current/PM2PT5/' },
      unit: ucumUnit('ug/m3', 'microgram per cubic metre'),
    },
    {
      ...common,
      id: PM25_DATASTREAMS.aqi,
      name: `AQI PM2.5 · ${file.station.name}`,
      description: `${file.attribution}; phát lại nhanh ${speed}×.`,
      kind: 'airQuality',
      observedProperty: { name: 'PM2.5 air quality index (US EPA)', definition: null },
      unit: ucumUnit('{AQI}', 'US EPA air quality index'),
    },
  ];
}
