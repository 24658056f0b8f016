/**
 * One MQTT-over-WebSocket link with the guarantees issue 5 §5 asks for: QoS 1 subscriptions in a persistent session
 * (clean = false, a stable clientId), so the broker queues what is published while Sao is away and delivers it on
 * return; reconnects with exponential backoff (mqtt.js only knows a fixed period, so Sao schedules them); topics
 * subscribed again only when the broker lost the session. The same code runs in the worker, the tests and the
 * benchmark (mqtt.js picks the browser or Node WebSocket itself).
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { ConnectionState } from './connectionState';

export type MqttConnect = (url: string, options: IClientOptions) => MqttClient;

export interface MqttConnectionOptions {
  sourceId: string;
  url: string;
  clientId: string;
  topics: readonly string[];
  onMessage(topic: string, payload: Uint8Array, receivedAt: number): void;
  onState(state: ConnectionState): void;
  /** Called on every connect after the first (the STA source fills the gap from HTTP then). */
  onReconnected?(sessionPresent: boolean): void;
  username?: string | null;
  password?: string | null;
  backoff?: BackoffOptions;
  connect?: MqttConnect;
  now?: () => number;
}

export interface MqttConnection {
  readonly client: MqttClient;
  /** Ends the link; the broker keeps the session for the next start with the same clientId. */
  close(): Promise<void>;
}

export function openMqttConnection(options: MqttConnectionOptions): MqttConnection {
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const client = (options.connect ?? mqtt.connect)(options.url, {
    clientId: options.clientId,
    clean: false,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    keepalive: 30,
    resubscribe: false,
    ...(options.username ? { username: options.username, password: options.password ?? '' } : {}),
  });
  let attempt = 0;
  let everConnected = false;
  let closing = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastError: string | null = null;

  const report = (state: Omit<ConnectionState, 'sourceId' | 'since'>): void => options.onState({ sourceId: options.sourceId, since: now(), ...state });
  report({ phase: 'connecting', attempt: 0, nextRetryMs: null, sessionPresent: false, detail: null });

  client.on('connect', (connack) => {
    attempt = 0;
    lastError = null;
    if (!connack.sessionPresent && options.topics.length > 0) client.subscribe([...options.topics], { qos: 1 });
    report({ phase: 'connected', attempt: 0, nextRetryMs: null, sessionPresent: connack.sessionPresent, detail: null });
    if (everConnected) options.onReconnected?.(connack.sessionPresent);
    everConnected = true;
  });
  client.on('message', (topic, payload) => options.onMessage(topic, payload, now()));
  client.on('error', (error) => {
    lastError = error.message;
  });
  client.on('close', () => {
    if (closing || retryTimer) return;
    const delay = backoffDelay(attempt, backoff);
    attempt++;
    const why = lastError ?? 'connection closed';
    report({ phase: 'reconnecting', attempt, nextRetryMs: delay, sessionPresent: false, detail: { vi: `mất kết nối tới ${options.url} (${why}); thử lại sau ${(delay / 1000).toFixed(1)} s`, en: `lost ${options.url} (${why}); retrying in ${(delay / 1000).toFixed(1)} s` } });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      // Hand the stores back: a bare reconnect() starts empty ones and drops QoS 1 messages queued while away.
      if (!closing) client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
    }, delay);
  });

  return {
    client,
    close: () => {
      closing = true;
      if (retryTimer) clearTimeout(retryTimer);
      return new Promise<void>((resolve) => {
        client.end(!client.connected, {}, () => {
          report({ phase: 'stopped', attempt: 0, nextRetryMs: null, sessionPresent: false, detail: null });
          resolve();
        });
      });
    },
  };
}
