/**
 * The embedded replay (issue 5 §2), driven by the worker's clock: `tick(now)` emits every sample due since the last
 * tick into the sink, so it can be tested with a fake clock and never drifts with timer jitter.
 * - Storm: one sample per simulated minute, `stormSpeed`× faster than the wall clock, looping; phenomenonTime is the
 *   replay clock (starting at the wall time the replay started), so a rule's "5 minutes" is 5 simulated minutes.
 * - PM2.5: the recorded hours in order at `pm25Speed`× from the hour of the record nearest to today's date and hour
 *   one year of the record, phenomenonTime = the recorded hour (real data keeps its real time); hours AirNow
 *   marked missing or invalid send nothing, as the station did.
 */
import type { ObservationSink } from '../adapters/sink';
import type { Observation } from '../types';
import type { ReplaySourceConfig } from '../sources/sourceConfig';
import { pm25OfAqi } from './aqi';
import { gaugeDescriptor, stormDatastreamId, STORM_SAMPLE_MINUTES, STORM_SOURCE, type DemoGaugeFile } from './demoGauges';
import { PM25_DATASTREAMS, PM25_SOURCE, pm25Descriptors, type Pm25SeriesFile } from './pm25Series';
import { stormSeries } from './stormScenario';

export interface ReplayAssets {
  gauges: DemoGaugeFile | null;
  pm25: Pm25SeriesFile | null;
}

export interface ReplaySource {
  tick(now: number): void;
}

const MINUTE_MS = 60_000;
/** Hours of record emitted at most per tick after a pause. */
const MAX_PM25_CATCH_UP = 1000;
const YEAR_MS = 365.2425 * 24 * 3_600_000;

/** Index of the recorded hour at the same time of year as `now`, in the record's first year. */
export function pm25StartIndex(file: Pm25SeriesFile, now: number): number {
  const intoYear = (((now - Date.parse(file.start)) % YEAR_MS) + YEAR_MS) % YEAR_MS;
  return Math.round(intoYear / (file.intervalSeconds * 1000)) % file.aqi.length;
}

export function createReplaySource(config: ReplaySourceConfig, assets: ReplayAssets, sink: ObservationSink & { countMessage(): void }, startedAt: number): ReplaySource {
  const storm = config.datasets.includes('storm') && assets.gauges ? assets.gauges : null;
  const pm25 = config.datasets.includes('pm25') && assets.pm25 ? assets.pm25 : null;
  const series = storm ? stormSeries(storm.gauges) : null;
  const pm25Start = pm25 ? pm25StartIndex(pm25, startedAt) : 0;
  let stormSent = 0;
  let pm25Sent = 0;

  if (storm) for (const gauge of storm.gauges) sink.datastream(gaugeDescriptor(gauge, config.stormSpeed));
  if (pm25) for (const descriptor of pm25Descriptors(pm25, config.pm25Speed)) sink.datastream(descriptor);

  const emit = (datastreamId: string, source: string, sourceId: string | null, phenomenonTime: number, value: number, receivedAt: number): void => {
    const observation: Observation = { datastreamId, phenomenonTime, value, provenance: { protocol: 'replay', source, sourceId, sequence: null, receivedAt } };
    sink.countMessage();
    sink.observation(observation);
  };

  function tickStorm(now: number): void {
    if (!storm || !series) return;
    const samples = series.values[0]?.length ?? 0;
    const due = Math.floor(((now - startedAt) * config.stormSpeed) / (STORM_SAMPLE_MINUTES * MINUTE_MS)) + 1;
    stormSent = Math.max(stormSent, due - samples); // after a long pause (hidden tab), one loop at most
    for (; stormSent < due; stormSent++) {
      const k = stormSent % samples;
      const phenomenonTime = startedAt + stormSent * STORM_SAMPLE_MINUTES * MINUTE_MS;
      storm.gauges.forEach((gauge, g) => emit(stormDatastreamId(gauge), STORM_SOURCE, `minute ${k * STORM_SAMPLE_MINUTES}`, phenomenonTime, series.values[g]![k]!, now));
    }
  }

  function tickPm25(now: number): void {
    if (!pm25) return;
    const intervalMs = pm25.intervalSeconds * 1000;
    const due = Math.floor(((now - startedAt) * config.pm25Speed) / intervalMs) + 1;
    const recordStart = Date.parse(pm25.start);
    pm25Sent = Math.max(pm25Sent, due - MAX_PM25_CATCH_UP);
    for (; pm25Sent < due; pm25Sent++) {
      const index = (pm25Start + pm25Sent) % pm25.aqi.length;
      const aqi = pm25.aqi[index];
      if (aqi === null || aqi === undefined) continue;
      // Time keeps increasing after the record wraps around (a chart must not jump back 2.5 years);
      // `sourceId` names the recorded hour.
      const hour = recordStart + (pm25Start + pm25Sent) * intervalMs;
      const sourceId = new Date(recordStart + index * intervalMs).toISOString();
      emit(PM25_DATASTREAMS.aqi, PM25_SOURCE, sourceId, hour, aqi, now);
      emit(PM25_DATASTREAMS.pm25, PM25_SOURCE, sourceId, hour, pm25OfAqi(aqi), now);
    }
  }

  return {
    tick(now) {
      tickStorm(now);
      tickPm25(now);
    },
  };
}
