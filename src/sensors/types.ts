/**
 * The typed observation model every sensor adapter produces (issue 5 §1): OGC SensorThings API 1.1 over HTTP and
 * its MQTT extension, plain MQTT with JSON payloads mapped by a config file, NGSI-LD notifications of the FIWARE
 * smart data models, and the embedded replay. Downstream code (ring buffers, rules, charts, the map) sees only these
 * types; where a value came from is told by `ObservationProvenance` and nothing else.
 */
import type { LocalizedText } from '../geo';

/** What a datastream measures, for colouring, default thresholds and grouping. */
export type SensorKind = 'waterLevel' | 'rainfall' | 'pm25' | 'airQuality' | 'weather' | 'trafficFlow' | 'other';

/** The adapter a value came through. */
export type SensorProtocol = 'sensorthings-http' | 'sensorthings-mqtt' | 'mqtt-json' | 'ngsi-ld' | 'replay';

/** A unit as SensorThings states it: UCUM code (e.g. `m`, `mm/h`, `ug/m3`, `{vehicle}/h`) and its display symbol. */
export interface UnitOfMeasurement {
  ucum: string;
  symbol: string;
  name: string | null;
}

/**
 * One stream of values of one property at one place: a SensorThings Datastream, an MQTT topic mapped by the config,
 * or an NGSI-LD entity's attribute. `id` is unique across all sources (Decree 269 Art. 21.3.a), namespaced by source,
 * e.g. `sta:http://127.0.0.1:8080/v1.1|Datastreams(12)`, `mqtt:ws://127.0.0.1:9001|sao/demo/rain/RG-01`,
 * `ngsi-ld:urn:ngsi-ld:WaterObserved:WL-03|height`, `replay:pm25-us-embassy`.
 */
export interface DatastreamDescriptor {
  id: string;
  name: string;
  description: string | null;
  kind: SensorKind;
  /** The observed property's name and definition URI as the source gives them. */
  observedProperty: { name: string; definition: string | null };
  unit: UnitOfMeasurement;
  /** The Thing / entity / station it belongs to. */
  thing: { id: string; name: string };
  /** WGS 84 longitude, latitude (and height when known). */
  location: [number, number] | [number, number, number] | null;
  /** Administrative area (ward/district) code or name, for "N sensors in this area" rules. */
  area: string | null;
  /** Seconds between observations expected from this stream; silence for 3× this is *stale*. */
  expectedIntervalSeconds: number;
  /** True for replayed or simulated data: the UI labels it *simulated*. */
  simulated: boolean;
  protocol: SensorProtocol;
}

/** Where one observation came from and how it arrived. */
export interface ObservationProvenance {
  protocol: SensorProtocol;
  /** Broker URL + topic, SensorThings service URL, NGSI-LD subscription id, or replay dataset name. */
  source: string;
  /** The source's own id of the observation, when it has one (SensorThings @iot.id, NGSI-LD observedAt+id). */
  sourceId: string | null;
  /** Publisher sequence number when the payload carries one (the benchmark checks for loss with it). */
  sequence: number | null;
  /** ms since epoch when Sao received it. */
  receivedAt: number;
}

/** One value of one datastream at one time. */
export interface Observation {
  datastreamId: string;
  /** ms since epoch: SensorThings phenomenonTime, NGSI-LD observedAt, the payload's time field. */
  phenomenonTime: number;
  value: number;
  provenance: ObservationProvenance;
}

/** Why a message was not turned into observations; counted and shown, never fatal. */
export type MalformedReason = 'badJson' | 'wrongType' | 'unknownSensor' | 'tooLarge' | 'missingField';

export interface MalformedMessage {
  reason: MalformedReason;
  protocol: SensorProtocol;
  source: string;
  /** Specific, e.g. "field `value` is a string \"abc\", expected a number". */
  detail: LocalizedText;
  receivedAt: number;
}

/** Running counts of an ingestion session, shown in the UI and printed by the benchmark. */
export interface IngestStats {
  received: number;
  observations: number;
  malformed: Record<MalformedReason, number>;
  /** Sequence gaps detected per publisher (the benchmark's `lost`). */
  lost: number;
  reconnects: number;
}

/** Operating levels of Decree 269 Art. 33.4: routine, special, emergency. */
export type AlertLevel = 'routine' | 'special' | 'emergency';
