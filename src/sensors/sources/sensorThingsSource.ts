/**
 * A SensorThings API service (issue 5 §1, §5): its Datastreams over HTTP, live Observations over its MQTT
 * extension when a broker is configured (else polled), and after every reconnect the gap filled from HTTP history:
 * whatever was observed after the newest value Sao holds is read with `$filter=phenomenonTime gt …`, so an outage
 * leaves no hole even where the broker kept no session. At start the last hour is read the same way, for the charts.
 */
import { readDatastreams, readObservations, type FetchJson } from '../adapters/sensorThings/httpClient';
import { entityPath } from '../adapters/sensorThings/entities';
import { createSensorThingsMqttAdapter } from '../adapters/sensorThings/mqttAdapter';
import { SourceError } from '../SourceError';
import { openMqttConnection, type MqttConnection } from './mqttConnection';
import type { RunningSource, SourceEnvironment, SourceSink } from './runningSource';
import type { SensorThingsSourceConfig } from './sourceConfig';

const BACKFILL_MS = 3_600_000;

/**
 * Reads, for each datastream, what the service observed after the newest value the sink holds (or the last
 * `backfillMs` when it holds none); returns how many observations arrived.
 */
export async function fillGaps(serviceRoot: string, iotIds: ReadonlyMap<string, string | number>, sink: SourceSink, fetchJson: FetchJson, now: () => number, backfillMs = BACKFILL_MS): Promise<number> {
  let arrived = 0;
  for (const [datastreamId, iotId] of iotIds) {
    const after = sink.latestTime(datastreamId) ?? now() - backfillMs;
    arrived += (await readObservations(serviceRoot, iotId, after, fetchJson, sink, now)).length;
  }
  return arrived;
}

export function startSensorThingsSource(config: SensorThingsSourceConfig, sink: SourceSink, env: SourceEnvironment, onError: (error: SourceError) => void): RunningSource {
  const root = config.serviceUrl.replace(/\/+$/, '');
  let iotIds = new Map<string, string | number>();
  let connection: MqttConnection | null = null;
  let stopped = false;
  let polling: Promise<void> | null = null;
  let nextPoll = Number.POSITIVE_INFINITY;

  const report = (error: unknown): void => {
    if (stopped) return;
    onError(error instanceof SourceError ? error : new SourceError({ vi: `lỗi đọc ${root}: ${String(error)}`, en: `reading ${root} failed: ${String(error)}` }, { cause: error }));
  };
  const fill = (): void => {
    if (polling || stopped) return;
    polling = fillGaps(root, iotIds, sink, env.fetchJson, env.now)
      .then(() => undefined, report)
      .finally(() => {
        polling = null;
      });
  };

  const started = readDatastreams(root, env.fetchJson, sink, env.now).then((ids) => {
    if (stopped) return;
    iotIds = ids;
    fill();
    if (!config.brokerUrl) {
      nextPoll = env.now() + config.pollSeconds * 1000;
      return;
    }
    const adapter = createSensorThingsMqttAdapter(root, config.brokerUrl);
    for (const id of ids.keys()) adapter.know(id);
    connection = openMqttConnection({
      sourceId: config.id,
      url: config.brokerUrl,
      clientId: config.clientId,
      topics: [...ids.values()].map((iotId) => `v1.1/${entityPath('Datastreams', iotId)}/Observations`),
      backoff: env.backoff,
      connect: env.connect,
      now: env.now,
      onState: env.onState,
      onMessage(topic, payload, receivedAt) {
        sink.countMessage();
        adapter.handle(topic, payload, receivedAt, sink);
      },
      onReconnected() {
        sink.countReconnect();
        fill();
      },
    });
  }, report);

  return {
    tick(now) {
      if (now < nextPoll) return;
      nextPoll = now + config.pollSeconds * 1000;
      fill();
    },
    async stop() {
      stopped = true;
      await started;
      await connection?.close();
      await polling;
    },
  };
}
