/**
 * The sensor sources an operator configures (plain JSON: saved locally, sent to the worker as is). With no broker
 * or SensorThings service configured, the embedded replay runs (issue 5 §2).
 */
export type ReplayDataset = 'pm25' | 'storm';

interface SourceBase {
  /** Stable id (also the MQTT clientId's suffix, so a persistent session survives a reload). */
  id: string;
  name: string;
  enabled: boolean;
}

/** The recorded Hà Nội PM2.5 series and the demo district's simulated storm, replayed in the worker. */
export interface ReplaySourceConfig extends SourceBase {
  kind: 'replay';
  datasets: ReplayDataset[];
  /** Simulated seconds per wall second for the storm (1 sample per simulated minute). */
  stormSpeed: number;
  /** Recorded hours per wall second × 3600 for PM2.5 (3600 = one hour of record a second). */
  pm25Speed: number;
}

/** What arrives on an MQTT subscription, and how to read it. */
export type MqttSubscription =
  | { format: 'mqtt-json'; mapping: unknown }
  | { format: 'ngsi-ld'; topic: string; expectedIntervalSeconds: number }
  | { format: 'sensorthings'; topic: string };

export interface MqttSourceConfig extends SourceBase {
  kind: 'mqtt';
  /** `ws://host:port[/path]` (MQTT over WebSocket). */
  brokerUrl: string;
  clientId: string;
  username: string | null;
  password: string | null;
  subscriptions: MqttSubscription[];
}

/** A SensorThings service: datastreams and history over HTTP, live values over its MQTT extension or by polling. */
export interface SensorThingsSourceConfig extends SourceBase {
  kind: 'sensorthings';
  /** Service root, e.g. `http://127.0.0.1:8080/FROST-Server/v1.1`. */
  serviceUrl: string;
  /** The service's MQTT extension over WebSocket, or null to poll. */
  brokerUrl: string | null;
  clientId: string;
  pollSeconds: number;
}

export type SensorSourceConfig = ReplaySourceConfig | MqttSourceConfig | SensorThingsSourceConfig;

export const DEMO_REPLAY_SOURCE: ReplaySourceConfig = {
  id: 'demo-replay',
  name: 'Dữ liệu phát lại (mô phỏng)',
  enabled: true,
  kind: 'replay',
  datasets: ['pm25', 'storm'],
  stormSpeed: 60,
  pm25Speed: 3600,
};

/** A stable, unique MQTT clientId for a source (MQTT 3.1.1 allows 23 characters everywhere; brokers allow more). */
export function clientIdFor(sourceId: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `sao-${sourceId}`.slice(0, 14) + `-${random}`;
}
