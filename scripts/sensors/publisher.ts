/**
 * An MQTT publisher for the simulator, the broker tests and the benchmark: QoS 1 over the same persistent-session,
 * backoff-reconnecting connection the app subscribes with, so messages published while the broker is away wait in
 * the client's queue and go out when it is back.
 */
import { openMqttConnection, type MqttConnection } from '../../src/sensors/sources/mqttConnection';
import type { ConnectionState } from '../../src/sensors/sources/connectionState';

export interface Publisher {
  publish(topic: string, payload: string, options?: { retain?: boolean }): Promise<void>;
  /** Resolves once every message published so far is acknowledged by the broker. */
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly connection: MqttConnection;
}

export function createPublisher(url: string, clientId: string, onState: (state: ConnectionState) => void = () => undefined): Publisher {
  const connection = openMqttConnection({
    sourceId: clientId,
    url,
    clientId,
    topics: [],
    onMessage: () => undefined,
    onState,
    backoff: { baseMs: 100, maxMs: 2000, jitter: 0.1 },
  });
  const unacknowledged = new Set<Promise<void>>();
  return {
    connection,
    publish(topic, payload, options = {}) {
      const acknowledged = new Promise<void>((resolve, reject) => {
        connection.client.publish(topic, payload, { qos: 1, retain: options.retain ?? false }, (error) => (error ? reject(error) : resolve()));
      });
      unacknowledged.add(acknowledged);
      void acknowledged.finally(() => unacknowledged.delete(acknowledged)).catch(() => undefined);
      return acknowledged;
    },
    async flush() {
      await Promise.all(unacknowledged);
    },
    close: () => connection.close(),
  };
}
