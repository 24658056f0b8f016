/**
 * Messages between the app (src/sensors/sensorClient.ts) and the sensor ingestion worker, in Sao's envelope
 * `{ type, id, payload }`. One worker for the session: it owns the MQTT connections, the SensorThings polling and
 * the embedded replay, ingests into bounded ring buffers, runs the rule engine, and posts what changed in batches
 * (every ~200 ms), so the main thread never handles single messages.
 *
 *   app                                                 sensor worker
 *    │── sources { sources, assetBaseUrl } ──────────────▶│ (re)starts what changed: MQTT, SensorThings, replay
 *    │── rules { ruleSet } ──────────────────────────────▶│ rule engine
 *    │◀──────────── alerts [AlertEvent] ──────────────────│ after setRules, each batch, and every second
 *    │◀──────────── batch { datastreams, latest, series (transferred), statuses, stats, connections, … } ──│ ~200 ms
 *    │── history { datastreamId, from, to } (id = query) ─▶│ from the ring buffer (the last `capacity` values)
 *    │◀──────────── history { times, values } (transferred) | error { name, message } ──│
 *    │── stop ───────────────────────────────────────────▶│ closes connections (persistent sessions stay on the broker)
 */
import type { LocalizedText } from '../../src/geo';
import type { LatestValue } from '../../src/sensors/ingest/ingestor';
import type { SensorStatus } from '../../src/sensors/ingest/stale';
import type { AlertEvent, RuleSet } from '../../src/sensors/rules';
import type { ConnectionState } from '../../src/sensors/sources/connectionState';
import type { SensorSourceConfig } from '../../src/sensors/sources/sourceConfig';
import type { DatastreamDescriptor, IngestStats, MalformedMessage } from '../../src/sensors/types';

export interface SourcesPayload {
  sources: SensorSourceConfig[];
  /** Absolute URL of the folder holding the replay assets (`…/demo/sensors/`). */
  assetBaseUrl: string;
}

export type SensorWorkerRequest =
  | { type: 'sources'; id: string; payload: SourcesPayload }
  | { type: 'rules'; id: string; payload: { ruleSet: Pick<RuleSet, 'rules'> } }
  | { type: 'history'; id: string; payload: { datastreamId: string; from: number; to: number } }
  | { type: 'stop'; id: string; payload: null };

/** New observations since the last batch, packed: datastream `ids[k]` owns `[offsets[k], offsets[k + 1])`. */
export interface PackedSeries {
  ids: string[];
  offsets: Uint32Array;
  times: Float64Array;
  values: Float64Array;
}

export interface BatchPayload {
  /** New or changed descriptions. */
  datastreams: DatastreamDescriptor[];
  /** Datastreams whose source was removed. */
  removed: string[];
  latest: Record<string, LatestValue>;
  series: PackedSeries;
  statuses: Record<string, SensorStatus>;
  stats: IngestStats;
  /** Connection states that changed, by source id. */
  connections: ConnectionState[];
  /** A sample of the malformed messages of this batch (all are counted in `stats`). */
  malformed: MalformedMessage[];
}

export interface SourceErrorPayload {
  sourceId: string;
  message: LocalizedText;
}

export type SensorWorkerResponse =
  | { type: 'batch'; id: string; payload: BatchPayload }
  | { type: 'alerts'; id: string; payload: AlertEvent[] }
  | { type: 'sourceError'; id: string; payload: SourceErrorPayload }
  | { type: 'history'; id: string; payload: { datastreamId: string; times: Float64Array; values: Float64Array } }
  | { type: 'error'; id: string; payload: { name: string; message: string } };

/** What to transfer with a response, so nothing big is copied. */
export function transferablesOf(message: SensorWorkerResponse): Transferable[] {
  if (message.type === 'batch') {
    const { offsets, times, values } = message.payload.series;
    return [offsets.buffer, times.buffer, values.buffer] as ArrayBuffer[];
  }
  if (message.type === 'history') return [message.payload.times.buffer, message.payload.values.buffer] as ArrayBuffer[];
  return [];
}
