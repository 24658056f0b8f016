import type { ObservationSink } from '../adapters/sink';
import type { FetchJson } from '../adapters/sensorThings/httpClient';
import type { ConnectionState } from './connectionState';
import type { MqttConnect } from './mqttConnection';
import type { BackoffOptions } from './backoff';

/** What a source writes into: the ingestor (or, for one source, a wrapper that remembers its datastreams). */
export interface SourceSink extends ObservationSink {
  /** One message arrived, whatever it turns out to be. */
  countMessage(): void;
  countReconnect(): void;
  /** Latest phenomenon time held for a datastream (gap-fill starts after it), or null. */
  latestTime(datastreamId: string): number | null;
}

/** What sources need from their host (the worker in the app, Node in tests and the benchmark). */
export interface SourceEnvironment {
  fetchJson: FetchJson;
  connect?: MqttConnect;
  backoff?: BackoffOptions;
  now: () => number;
  onState(state: ConnectionState): void;
}

export interface RunningSource {
  /** Called on the worker's clock (~200 ms): replay emits what is due, pollers poll when their time comes. */
  tick(now: number): void;
  stop(): Promise<void>;
}
