/**
 * Live sensor feeds (issue 5): adapters to open standards turn messages into one typed observation model
 * (`types.ts`); the ingestion worker (workers/sensors) keeps bounded ring buffers, staleness and counts; the main
 * thread sees batches through `sensorClient`, `useSensorStore` (src/state) and `observationRegistry`.
 *
 * - Adapters (pure, one message in, datastreams/observations/malformed out through an `ObservationSink`):
 *   SensorThings 1.1 HTTP (`readDatastreams`, `readObservations`: $expand, $filter, $top, @iot.nextLink) and MQTT
 *   (`createSensorThingsMqttAdapter`), plain MQTT JSON by a mapping file (`createMqttJsonAdapter`), NGSI-LD
 *   notifications of WaterObserved, AirQualityObserved, WeatherObserved, TrafficFlowObserved (`createNgsiLdAdapter`).
 * - Ingestion: `Ingestor` (ring buffers, latest, stale, IngestStats, sequence loss), `isStale`.
 * - Sources (run by the worker): MQTT over WebSocket with a persistent session and backoff, SensorThings with gap
 *   fill, the embedded replay (real Hà Nội PM2.5, the demo storm); configs in `sourceConfig.ts`.
 */
export type * from './types';
export { createMqttJsonAdapter } from './adapters/mqttJson/adapter';
export type { MqttJsonMapping, MappingEntry } from './adapters/mqttJson/mapping';
export { createNgsiLdAdapter } from './adapters/ngsiLd/adapter';
export { createSensorThingsMqttAdapter } from './adapters/sensorThings/mqttAdapter';
export { readDatastreams, readObservations, httpFetchJson, type FetchJson } from './adapters/sensorThings/httpClient';
export { collectingSink, type ObservationSink } from './adapters/sink';
export { MAX_PAYLOAD_BYTES } from './adapters/malformed';
export { Ingestor, emptyStats, type LatestValue, type DatastreamState } from './ingest/ingestor';
export { ObservationRing, type SeriesWindow } from './ingest/observationRing';
export { isStale, STALE_AFTER_INTERVALS, type SensorStatus } from './ingest/stale';
export { SENSOR_KINDS, kindOf } from './kinds';
export { observationRegistry } from './observationRegistry';
export { sensorClient, SensorClient } from './sensorClient';
export { SourceError } from './SourceError';
export type { ConnectionState, ConnectionPhase } from './sources/connectionState';
export { DEMO_REPLAY_SOURCE, clientIdFor, type SensorSourceConfig, type MqttSourceConfig, type SensorThingsSourceConfig, type ReplaySourceConfig, type MqttSubscription } from './sources/sourceConfig';
export { ucumUnit, ucumOfCefact } from './units';
